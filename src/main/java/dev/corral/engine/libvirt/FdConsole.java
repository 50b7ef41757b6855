package dev.corral.engine.libvirt;

import com.sun.jna.Native;
import dev.corral.engine.ConsoleStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A display socket libvirt handed over, as streams. Reads block, which suits the relay's own
 * reading thread. Closing first shuts the socket down, which wakes a blocked read, and closes the
 * descriptor only once no read or write is still using it, so its number is never reused under them.
 */
final class FdConsole implements ConsoleStream {

    private static final int CHUNK = 64 * 1024;

    private final int fd;
    private final AtomicBoolean closing = new AtomicBoolean();
    private final AtomicBoolean released = new AtomicBoolean();
    private final AtomicInteger inUse = new AtomicInteger();
    private final InputStream input = new Input();
    private final OutputStream output = new Output();

    FdConsole(int fd) {
        this.fd = fd;
    }

    @Override
    public InputStream input() {
        return input;
    }

    @Override
    public OutputStream output() {
        return output;
    }

    /** libvirt authenticated Corral itself, so the display asks for no password. */
    @Override
    public Optional<String> password() {
        return Optional.empty();
    }

    @Override
    public void close() {
        if (closing.compareAndSet(false, true)) {
            GraphicsFd.LIBC.shutdown(fd, GraphicsFd.SHUT_RDWR);
            releaseIfIdle();
        }
    }

    private void enter() throws IOException {
        inUse.incrementAndGet();
        if (closing.get()) {
            leave();
            throw new IOException("The console is closed.");
        }
    }

    private void leave() {
        inUse.decrementAndGet();
        releaseIfIdle();
    }

    private void releaseIfIdle() {
        if (closing.get() && inUse.get() == 0 && released.compareAndSet(false, true)) {
            GraphicsFd.LIBC.close(fd);
        }
    }

    private final class Input extends InputStream {
        private byte[] buffer = new byte[0];

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, b.length);
            if (len == 0) {
                return 0;
            }
            enter();
            try {
                int want = Math.min(len, CHUNK);
                if (buffer.length < want) {
                    buffer = new byte[want];
                }
                long n;
                do {
                    n = GraphicsFd.LIBC.read(fd, buffer, want);
                } while (n < 0 && Native.getLastError() == GraphicsFd.EINTR && !closing.get());
                if (n < 0) {
                    if (closing.get()) {
                        return -1;
                    }
                    throw new IOException("Reading the display failed (errno " + Native.getLastError() + ").");
                }
                if (n == 0) {
                    return -1;
                }
                System.arraycopy(buffer, 0, b, off, (int) n);
                return (int) n;
            } finally {
                leave();
            }
        }

        @Override
        public void close() {
            FdConsole.this.close();
        }
    }

    private final class Output extends OutputStream {
        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, b.length);
            enter();
            try {
                byte[] chunk = off == 0 && len == b.length ? b : java.util.Arrays.copyOfRange(b, off, off + len);
                int done = 0;
                while (done < len) {
                    byte[] rest = done == 0 ? chunk : java.util.Arrays.copyOfRange(chunk, done, len);
                    long n = GraphicsFd.LIBC.write(fd, rest, len - done);
                    if (n < 0) {
                        if (Native.getLastError() == GraphicsFd.EINTR && !closing.get()) {
                            continue;
                        }
                        throw new IOException("Writing to the display failed (errno " + Native.getLastError() + ").");
                    }
                    done += (int) n;
                }
            } finally {
                leave();
            }
        }

        @Override
        public void close() {
            FdConsole.this.close();
        }
    }
}
