package dev.corral.engine.libvirt;

import dev.corral.engine.EngineException;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.libvirt.Connect;
import org.libvirt.LibvirtException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one long-lived libvirt connection of a host. When it dies, callers get {@link
 * EngineException.HostUnreachable} at once; later calls reopen it, at most one attempt per call,
 * spaced by a backoff of 1 s doubling up to 60 s.
 */
final class LibvirtLink implements AutoCloseable {

    /** One libvirt call with the live connection. */
    @FunctionalInterface
    interface Call<T> {
        T run(Connect connect) throws LibvirtException;
    }

    private static final Logger log = LoggerFactory.getLogger(LibvirtLink.class);
    private static final long FIRST_BACKOFF_MS = 1_000;
    private static final long MAX_BACKOFF_MS = 60_000;

    private final URI uri;
    private final String host;
    private final Consumer<Connect> onOpen;
    private Connect connect;
    private long backoffMs = FIRST_BACKOFF_MS;
    private long nextAttemptAt;
    private boolean closed;

    /** Opens the connection now; throws {@link EngineException.HostUnreachable} if it cannot. */
    LibvirtLink(URI uri, String host, Consumer<Connect> onOpen) {
        this.uri = uri;
        this.host = host;
        this.onOpen = onOpen;
        connect();
    }

    /** Runs a call; libvirt failures become the port's exceptions, starting with {@code doing}. */
    <T> T call(String doing, Call<T> call) {
        Connect current = connect();
        try {
            return call.run(current);
        } catch (LibvirtException e) {
            throw translate(current, e, doing);
        }
    }

    /** The live connection, reopened if it died and the backoff allows another attempt now. */
    synchronized Connect connect() {
        if (closed) {
            throw new EngineException.HostUnreachable("The connection to host " + host + " is closed.", null);
        }
        if (connect != null) {
            return connect;
        }
        long now = System.nanoTime();
        if (now < nextAttemptAt) {
            long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(nextAttemptAt - now));
            throw new EngineException.HostUnreachable("Host " + host + " does not answer; Corral will try to "
                    + "reconnect in " + seconds + " s.", null);
        }
        try {
            Connect opened = new Connect(uri.toString(), false);
            enableKeepAlive(opened);
            onOpen.accept(opened);
            connect = opened;
            backoffMs = FIRST_BACKOFF_MS;
            return opened;
        } catch (LibvirtException e) {
            nextAttemptAt = now + TimeUnit.MILLISECONDS.toNanos(backoffMs);
            long seconds = backoffMs / 1000;
            backoffMs = Math.min(backoffMs * 2, MAX_BACKOFF_MS);
            throw new EngineException.HostUnreachable("Could not connect to host " + host + ": "
                    + LibvirtErrors.message(e) + ". Corral will try again in " + seconds + " s.", e);
        }
    }

    private void enableKeepAlive(Connect opened) {
        try {
            opened.setKeepAlive(5, 3);
        } catch (LibvirtException e) {
            // Local drivers (test:///, qemu:///system without a socket hop) have no keepalive.
            log.debug("No keepalive on {}: {}", uri, LibvirtErrors.message(e));
        }
    }

    /** The port's exception for a failed call; a dead connection is dropped so a later call reopens it. */
    EngineException translate(Connect used, LibvirtException e, String doing) {
        if (LibvirtErrors.isConnectionLoss(e) || !isAlive(used)) {
            drop(used);
            return new EngineException.HostUnreachable("Lost the connection to host " + host + " ("
                    + doing.substring(0, 1).toLowerCase(java.util.Locale.ROOT) + doing.substring(1) + "): "
                    + LibvirtErrors.message(e) + ".", e);
        }
        return LibvirtErrors.map(e, doing);
    }

    private static boolean isAlive(Connect used) {
        try {
            return used.isAlive();
        } catch (LibvirtException e) {
            return false;
        }
    }

    private synchronized void drop(Connect used) {
        if (connect != used) {
            return;
        }
        connect = null;
        nextAttemptAt = System.nanoTime();
        try {
            used.close();
        } catch (LibvirtException e) {
            log.debug("Closing the dead connection to {} failed: {}", uri, LibvirtErrors.message(e));
        }
    }

    /** The live connection if there is one, without reconnecting. */
    synchronized Connect current() {
        return connect;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (connect != null) {
            try {
                connect.close();
            } catch (LibvirtException e) {
                log.debug("Closing the connection to {} failed: {}", uri, LibvirtErrors.message(e));
            }
            connect = null;
        }
    }
}
