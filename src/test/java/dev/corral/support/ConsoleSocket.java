package dev.corral.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The console WebSocket as a pair of byte streams, so {@link RfbTestClient} can speak RFB through
 * Corral's relay as it does to a display directly. A refused handshake is an exception carrying
 * the HTTP status; the close frame's code and reason are kept.
 */
public final class ConsoleSocket implements AutoCloseable {

    private static final byte[] END = new byte[0];

    private final LinkedBlockingQueue<byte[]> received = new LinkedBlockingQueue<>();
    private final CompletableFuture<String> closed = new CompletableFuture<>();
    private final WebSocket socket;

    /** A handshake the server answered with something other than 101. */
    public static final class Refused extends IOException {
        private final int status;

        Refused(int status) {
            super("WebSocket handshake refused with " + status);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private ConsoleSocket(URI url, Map<String, String> headers) throws IOException {
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
        headers.forEach(builder::header);
        try {
            socket = builder.buildAsync(url, new Listener()).get(15, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                throw new Refused(refused.getResponse().statusCode());
            }
            throw new IOException(e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new IOException(e);
        }
    }

    public static ConsoleSocket open(String url) throws IOException {
        return new ConsoleSocket(URI.create(url), Map.of());
    }

    public static ConsoleSocket open(String url, Map<String, String> headers) throws IOException {
        return new ConsoleSocket(URI.create(url), headers);
    }

    private final class Listener implements WebSocket.Listener {
        private final ByteArrayOutputStream partial = new ByteArrayOutputStream();

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            partial.writeBytes(bytes);
            if (last) {
                received.add(partial.toByteArray());
                partial.reset();
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode + " " + reason);
            received.add(END);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete("error " + error);
            received.add(END);
        }
    }

    /** The close frame as "code reason", once the server has closed. */
    public String awaitClose(Duration within) {
        try {
            return closed.get(within.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new AssertionError("The console WebSocket was not closed within " + within, e);
        }
    }

    public boolean isClosed() {
        return closed.isDone();
    }

    public InputStream input() {
        return new InputStream() {
            private byte[] current = new byte[0];
            private int at;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] into, int offset, int length) throws IOException {
                while (current != END && at >= current.length) {
                    try {
                        current = received.take();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IOException(e);
                    }
                    at = 0;
                    if (current == END) {
                        received.add(END);
                    }
                }
                if (current == END) {
                    return -1;
                }
                int n = Math.min(length, current.length - at);
                System.arraycopy(current, at, into, offset, n);
                at += n;
                return n;
            }
        };
    }

    public OutputStream output() {
        return new OutputStream() {
            private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

            @Override
            public void write(int b) {
                buffer.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                buffer.write(b, off, len);
            }

            @Override
            public synchronized void flush() throws IOException {
                if (buffer.size() == 0) {
                    return;
                }
                try {
                    socket.sendBinary(ByteBuffer.wrap(buffer.toByteArray()), true).get(10, TimeUnit.SECONDS);
                } catch (InterruptedException | ExecutionException | TimeoutException e) {
                    throw new IOException(e);
                }
                buffer.reset();
            }
        };
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null).join();
        }
        socket.abort();
    }
}
