package dev.corral.engine.sim;

import dev.corral.engine.ConsoleStream;
import dev.corral.engine.EngineException;
import dev.corral.engine.VmInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The screens of one simulated host's VMs, one per VM however many view it, and the console
 * sessions on them. A session is an RFB server on a virtual thread at one end of two
 * {@link Pipe}s; the caller gets the other end, as it would a socket to a real display.
 */
final class SimConsoles {

    private final Map<UUID, SimScreen> screens = new ConcurrentHashMap<>();
    private final AtomicLong sessions = new AtomicLong();

    /** The VM's screen, made on first use and brought up to date with {@code vm}. */
    SimScreen screen(VmInfo vm) {
        boolean[] made = {false};
        SimScreen screen = screens.computeIfAbsent(vm.id(), id -> {
            made[0] = true;
            return new SimScreen(vm);
        });
        if (!made[0]) {
            screen.show(vm); // another process sharing the state folder may have changed it unseen
        }
        return screen;
    }

    ConsoleStream open(VmInfo vm) {
        SimScreen screen = screen(vm);
        Pipe toServer;
        Pipe toClient;
        try {
            toServer = Pipe.open();
            toClient = Pipe.open();
        } catch (IOException e) {
            throw new EngineException.Failed("The simulator could not open a console for VM " + vm.name() + ".", e);
        }
        SimRfbSession session = new SimRfbSession(screen, toServer.source(), toClient.sink());
        Thread.ofVirtual().name("sim-console-" + vm.name() + "-" + sessions.incrementAndGet()).start(session);
        return new Stream(toClient.source(), toServer.sink());
    }

    /** The VM changed: its screen, if anyone opened it, redraws. */
    void changed(VmInfo vm) {
        SimScreen screen = screens.get(vm.id());
        if (screen != null) {
            screen.show(vm);
        }
    }

    /** The VM left the host: its screen goes and its sessions end, as a real console's would. */
    void removed(UUID vmId) {
        SimScreen screen = screens.remove(vmId);
        if (screen != null) {
            screen.end();
        }
    }


    /** The caller's ends of the pipes; closing it ends the session (the server reads end of stream). */
    private static final class Stream implements ConsoleStream {
        private final Pipe.SourceChannel fromServer;
        private final Pipe.SinkChannel toServer;
        private final InputStream input;
        private final OutputStream output;

        Stream(Pipe.SourceChannel fromServer, Pipe.SinkChannel toServer) {
            this.fromServer = fromServer;
            this.toServer = toServer;
            this.input = Channels.newInputStream(fromServer);
            this.output = Channels.newOutputStream(toServer);
        }

        @Override
        public InputStream input() {
            return input;
        }

        @Override
        public OutputStream output() {
            return output;
        }

        @Override
        public Optional<String> password() {
            return Optional.empty();
        }

        @Override
        public void close() {
            try {
                toServer.close();
            } catch (IOException e) {
                // the server sees end of stream either way once the source closes too
            }
            try {
                fromServer.close();
            } catch (IOException e) {
                // nothing more to release
            }
        }
    }
}
