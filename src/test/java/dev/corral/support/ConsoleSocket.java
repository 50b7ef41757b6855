package dev.corral.support;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The console WebSocket (RFC 6455, over a plain socket) as a pair of byte streams, so {@link
 * RfbTestClient} can speak RFB through Corral's relay as it does to a display directly. A refused
 * handshake is an exception carrying the HTTP status; the close frame's code and reason are kept.
 * Reads give up after 60 s, so a silent relay fails a test instead of hanging it.
 */
public final class ConsoleSocket implements AutoCloseable {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private final CompletableFuture<String> closed = new CompletableFuture<>();
    private byte[] frame = new byte[0];
    private int at;

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
        socket = new Socket(url.getHost(), url.getPort());
        socket.setSoTimeout(60_000);
        socket.setTcpNoDelay(true);
        in = new DataInputStream(socket.getInputStream());
        out = socket.getOutputStream();
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        StringBuilder request = new StringBuilder("GET " + url.getRawPath() + "?" + url.getRawQuery() + " HTTP/1.1\r\n"
                + "Host: " + url.getHost() + ":" + url.getPort() + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(nonce) + "\r\nSec-WebSocket-Version: 13\r\n");
        headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        out.write(request.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String status = line();
        while (!line().isEmpty()) {
            // the response's headers
        }
        int code = Integer.parseInt(status.split(" ")[1]);
        if (code != 101) {
            socket.close();
            throw new Refused(code);
        }
    }

    public static ConsoleSocket open(String url) throws IOException {
        return new ConsoleSocket(URI.create(url), Map.of());
    }

    public static ConsoleSocket open(String url, Map<String, String> headers) throws IOException {
        return new ConsoleSocket(URI.create(url), headers);
    }

    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != '\n') {
            if (b < 0) {
                throw new IOException("The server closed the connection during the handshake");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }

    /** Reads frames until a binary one with data arrives; false at the close frame or the end. */
    private boolean nextFrame() throws IOException {
        while (true) {
            int first;
            try {
                first = in.read();
            } catch (java.net.SocketTimeoutException e) {
                throw new java.io.InterruptedIOException("Nothing arrived on the console WebSocket for 60 s");
            }
            if (first < 0) {
                closed.complete("end of stream");
                return false;
            }
            int opcode = first & 0x0f;
            long length = in.readUnsignedByte() & 0x7f;
            if (length == 126) {
                length = in.readUnsignedShort();
            } else if (length == 127) {
                length = in.readLong();
            }
            byte[] payload = in.readNBytes((int) length);
            if (opcode == 8) {
                int code = payload.length >= 2 ? (payload[0] & 0xff) << 8 | payload[1] & 0xff : 1005;
                closed.complete(code + " " + new String(payload, Math.min(2, payload.length), Math.max(0, payload.length - 2),
                        StandardCharsets.UTF_8));
                return false;
            }
            if ((opcode == 2 || opcode == 0) && payload.length > 0) {
                frame = payload;
                at = 0;
                return true;
            }
        }
    }

    private synchronized void send(int opcode, byte[] payload) throws IOException {
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.write(0x80 | opcode);
        if (payload.length < 126) {
            frame.write(0x80 | payload.length);
        } else {
            frame.write(0x80 | 126);
            frame.write(payload.length >> 8);
            frame.write(payload.length);
        }
        byte[] mask = new byte[4];
        RANDOM.nextBytes(mask);
        frame.write(mask, 0, 4);
        for (int i = 0; i < payload.length; i++) {
            frame.write(payload[i] ^ mask[i % 4]);
        }
        out.write(frame.toByteArray());
        out.flush();
    }

    /** The close frame as "code reason", once the server has closed; an RFB client on {@link #input()} reads up to it. */
    public String awaitClose(Duration within) {
        try {
            return closed.get(within.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new AssertionError("The console WebSocket was not closed within " + within, e);
        }
    }

    public InputStream input() {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] into, int offset, int length) throws IOException {
                if (length == 0) {
                    return 0; // InputStream.readNBytes asks for nothing once it has enough: no frame may be awaited then
                }
                if (at >= frame.length && (closed.isDone() || !nextFrame())) {
                    return -1;
                }
                int n = Math.min(length, frame.length - at);
                System.arraycopy(frame, at, into, offset, n);
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
                if (buffer.size() > 0) {
                    send(2, buffer.toByteArray());
                    buffer.reset();
                }
            }
        };
    }

    @Override
    public void close() {
        try {
            if (!socket.isClosed()) {
                send(8, new byte[] {0x03, (byte) 0xe8});
            }
        } catch (IOException e) {
            // already gone
        }
        try {
            socket.close();
        } catch (IOException e) {
            // closed
        }
    }
}
