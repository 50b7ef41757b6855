package dev.corral.engine.libvirt;

import dev.corral.engine.EngineException;
import java.net.URI;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import org.libvirt.Connect;
import org.libvirt.LibvirtException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one long-lived libvirt connection of a host. When it dies, callers get {@link
 * EngineException.HostUnreachable} at once; later calls reopen it, one attempt at a time and
 * outside every lock (opening may wait for a TCP or SSH timeout), spaced by a backoff of 1 s
 * doubling up to 60 s. Calls hold the read lock while they use the connection; dropping and
 * closing it take the write lock, so that no call is mid-flight on a closed pointer.
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
    private final Consumer<Connect> onDrop;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    // Guarded by "this"; connect is only set or cleared while also holding the write lock.
    private Connect connect;
    private boolean opening;
    private boolean closed;
    private long backoffMs = FIRST_BACKOFF_MS;
    private long nextAttemptAt = System.nanoTime();

    /**
     * Opens the connection now; throws {@link EngineException.HostUnreachable} if it cannot.
     *
     * @param onOpen registers with a new connection (event listeners)
     * @param onDrop undoes that before the connection is closed
     */
    LibvirtLink(URI uri, String host, Consumer<Connect> onOpen, Consumer<Connect> onDrop) {
        this.uri = uri;
        this.host = host;
        this.onOpen = onOpen;
        this.onDrop = onDrop;
        open();
    }

    /** Runs a call; libvirt failures become the port's exceptions, starting with {@code doing}. */
    <T> T call(String doing, Call<T> call) {
        Connect current = acquire();
        boolean dead = false;
        try {
            return call.run(current);
        } catch (LibvirtException e) {
            dead = !isAlive(current);
            throw translate(current, e, doing);
        } catch (RuntimeException e) {
            dead = !isAlive(current);
            throw e;
        } finally {
            lock.readLock().unlock();
            if (dead) {
                drop(current);
            }
        }
    }

    /** The live connection with the read lock held, reopened first if it died. */
    private Connect acquire() {
        while (true) {
            lock.readLock().lock();
            Connect current;
            synchronized (this) {
                if (closed) {
                    lock.readLock().unlock();
                    throw closedException();
                }
                current = connect;
            }
            if (current != null) {
                return current;
            }
            lock.readLock().unlock();
            open();
        }
    }

    /** Opens a connection unless one is open; only one thread tries, the others are told at once. */
    private void open() {
        synchronized (this) {
            if (closed) {
                throw closedException();
            }
            if (connect != null) {
                return;
            }
            if (opening) {
                throw new EngineException.HostUnreachable("Corral is reconnecting to host " + host
                        + "; try again in a moment.", null);
            }
            long now = System.nanoTime();
            if (now < nextAttemptAt) {
                long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(nextAttemptAt - now));
                throw new EngineException.HostUnreachable("Host " + host + " does not answer; Corral will try to "
                        + "reconnect in " + seconds + " s.", null);
            }
            opening = true;
        }
        Connect opened;
        try {
            opened = new Connect(uri.toString(), false);
        } catch (LibvirtException e) {
            throw failedToOpen(e);
        } catch (RuntimeException e) {
            failedToOpen(null);
            throw e;
        }
        enableKeepAlive(opened);
        onOpen.accept(opened);
        install(opened);
    }

    /**
     * Ends an attempt that failed and sets when the next may start. libvirt's own text goes to the
     * log only: opening a URI may read a file on the Corral server, and libvirt quotes what it read.
     */
    private synchronized EngineException failedToOpen(LibvirtException e) {
        opening = false;
        nextAttemptAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(backoffMs);
        long seconds = backoffMs / 1000;
        backoffMs = Math.min(backoffMs * 2, MAX_BACKOFF_MS);
        log.warn("Could not connect to {}: {}", uri, e == null ? "no reason given" : LibvirtErrors.message(e));
        return new EngineException.HostUnreachable("Could not connect to host " + host + ": " + reason(e)
                + "; the Corral server's log has libvirt's reason. Corral will try again in " + seconds + " s.", e);
    }

    private static String reason(LibvirtException e) {
        if (e == null) {
            return "the connection failed";
        }
        return switch (LibvirtErrors.code(e)) {
            case VIR_ERR_AUTH_FAILED, VIR_ERR_AUTH_UNAVAILABLE, VIR_ERR_AUTH_CANCELLED ->
                    "the host did not accept Corral's credentials";
            case VIR_ERR_NO_CONNECT, VIR_ERR_NO_SUPPORT -> "no libvirt driver serves this URI";
            default -> "the hypervisor did not answer, or refused the connection";
        };
    }

    private void install(Connect opened) {
        boolean closedMeanwhile;
        lock.writeLock().lock();
        try {
            synchronized (this) {
                opening = false;
                closedMeanwhile = closed;
                if (!closedMeanwhile) {
                    connect = opened;
                    backoffMs = FIRST_BACKOFF_MS;
                }
            }
            if (closedMeanwhile) {
                release(opened);
            }
        } finally {
            lock.writeLock().unlock();
        }
        if (closedMeanwhile) {
            throw closedException();
        }
    }

    private EngineException closedException() {
        return new EngineException.HostUnreachable("The connection to host " + host + " is closed.", null);
    }

    private void enableKeepAlive(Connect opened) {
        try {
            opened.setKeepAlive(5, 3);
        } catch (LibvirtException e) {
            // Local drivers (test:///, qemu:///system without a socket hop) have no keepalive.
            log.debug("No keepalive on {}: {}", uri, LibvirtErrors.message(e));
        }
    }

    /**
     * The port's exception for a failed call. Only a connection that is really dead is reported
     * unreachable (and dropped once the call ends): libvirt raises system and RPC errors for
     * ordinary failures too, such as a missing image.
     */
    EngineException translate(Connect used, LibvirtException e, String doing) {
        if (!isAlive(used)) {
            return new EngineException.HostUnreachable("Lost the connection to host " + host + " ("
                    + doing.substring(0, 1).toLowerCase(Locale.ROOT) + doing.substring(1) + "): "
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

    /** Forgets and closes a dead connection, unless another call already replaced it. */
    void drop(Connect used) {
        lock.writeLock().lock();
        try {
            synchronized (this) {
                if (connect != used) {
                    return;
                }
                connect = null;
                nextAttemptAt = System.nanoTime();
            }
            release(used);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Unregisters, then closes: libvirt would otherwise call back into a collected listener. */
    private void release(Connect connection) {
        onDrop.accept(connection);
        try {
            connection.close();
        } catch (LibvirtException e) {
            log.debug("Closing the connection to {} failed: {}", uri, LibvirtErrors.message(e));
        }
    }

    /** The live connection if there is one, without reconnecting; for tests. */
    synchronized Connect current() {
        return connect;
    }

    @Override
    public void close() {
        lock.writeLock().lock();
        try {
            Connect last;
            synchronized (this) {
                closed = true;
                last = connect;
                connect = null;
            }
            if (last != null) {
                release(last);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }
}
