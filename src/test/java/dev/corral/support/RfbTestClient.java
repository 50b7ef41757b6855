package dev.corral.support;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * A minimal RFB (VNC, RFC 6143) client for tests: it signs in (security None, or VNC
 * Authentication with a password), asks for Raw pixels and keeps a local copy of the screen that
 * tests read back pixel by pixel, as a browser test reads noVNC's canvas. A virtual thread reads
 * what the server sends; {@link #awaitUpdate(Duration)} waits for it.
 */
public final class RfbTestClient implements AutoCloseable {

    public static final int RAW = 0;
    public static final int HEXTILE = 5;
    public static final int DESKTOP_SIZE = -223;
    private static final int LAST_RECT = -224;
    private static final int CURSOR = -239;

    /** A true-colour pixel format as RFC 6143 §7.4 spells it. */
    public record PixelFormat(int bitsPerPixel, int depth, boolean bigEndian, int redMax, int greenMax, int blueMax,
            int redShift, int greenShift, int blueShift) {
        /** What noVNC asks for: 32 bpp, depth 24, little-endian, 0x00RRGGBB. */
        public static final PixelFormat RGB888 = new PixelFormat(32, 24, false, 255, 255, 255, 16, 8, 0);
        public static final PixelFormat RGB565 = new PixelFormat(16, 16, false, 31, 63, 31, 11, 5, 0);

        /** The pixel {@code raw} as 0xRRGGBB, each channel scaled back to 0..255. */
        public int toRgb(int raw) {
            int r = (raw >>> redShift & redMax) * 255 / redMax;
            int g = (raw >>> greenShift & greenMax) * 255 / greenMax;
            int b = (raw >>> blueShift & blueMax) * 255 / blueMax;
            return r << 16 | g << 8 | b;
        }
    }

    /** One rectangle of an update, as its header gave it. */
    public record Rect(int x, int y, int width, int height, int encoding) {
    }

    private final DataInputStream in;
    private final DataOutputStream out;
    private final AutoCloseable transport;
    private final String name;
    // Separate locks: a send may block on a full pipe while the reader must go on storing pixels.
    private final ReentrantLock sending = new ReentrantLock();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition updated = lock.newCondition();
    private volatile PixelFormat format;
    private int width;
    private int height;
    private int[] raw;
    private volatile long updates;
    private volatile long mark;
    private volatile java.util.List<Rect> lastUpdate = java.util.List.of();
    private volatile Throwable failure;
    private volatile boolean closed;
    private final Thread reader;

    private RfbTestClient(InputStream input, OutputStream output, AutoCloseable transport, String password)
            throws IOException {
        this.in = new DataInputStream(input);
        this.out = new DataOutputStream(output);
        this.transport = transport;
        handshake(password);
        out.writeByte(1); // ClientInit: shared
        out.flush();
        width = in.readUnsignedShort();
        height = in.readUnsignedShort();
        format = readFormat();
        raw = new int[width * height];
        name = new String(in.readNBytes(in.readInt()), StandardCharsets.UTF_8);
        pixelFormat(PixelFormat.RGB888);
        encodings(RAW);
        reader = Thread.ofVirtual().name("rfb-test-client").start(this::readLoop);
    }

    /** Connects over a display's streams, offering security None. */
    public static RfbTestClient connect(InputStream input, OutputStream output) throws IOException {
        return connect(input, output, null);
    }

    /** Connects over a display's streams, answering VNC Authentication with {@code password} if it asks. */
    public static RfbTestClient connect(InputStream input, OutputStream output, String password) throws IOException {
        return new RfbTestClient(input, output, () -> { }, password);
    }

    /** Connects to a VM's console as an engine opened it; closing the client closes the console. */
    public static RfbTestClient connect(dev.corral.engine.ConsoleStream console) throws IOException {
        return new RfbTestClient(console.input(), console.output(), console::close, console.password().orElse(null));
    }

    /** Connects to a VNC server listening on a TCP port (QEMU's display, say). */
    public static RfbTestClient connect(Socket socket, String password) throws IOException {
        return new RfbTestClient(socket.getInputStream(), socket.getOutputStream(), socket, password);
    }

    private void handshake(String password) throws IOException {
        byte[] greeting = in.readNBytes(12);
        if (greeting.length < 12 || !new String(greeting, StandardCharsets.US_ASCII).startsWith("RFB 003.")) {
            throw new IOException("Not an RFB greeting: " + new String(greeting, StandardCharsets.US_ASCII));
        }
        out.write("RFB 003.008\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        int count = in.readUnsignedByte();
        if (count == 0) {
            throw new IOException("Server refused: " + readString());
        }
        byte[] types = in.readNBytes(count);
        boolean offersVnc = new String(types, StandardCharsets.ISO_8859_1).indexOf(2) >= 0;
        boolean offersNone = new String(types, StandardCharsets.ISO_8859_1).indexOf(1) >= 0;
        if (password != null && offersVnc) {
            out.writeByte(2);
            out.write(desResponse(in.readNBytes(16), password));
        } else if (offersNone) {
            out.writeByte(1);
        } else {
            throw new IOException("No security type this client speaks among " + java.util.Arrays.toString(types));
        }
        out.flush();
        if (in.readInt() != 0) {
            throw new IOException("Security failed: " + readString());
        }
    }

    /** VNC Authentication: the challenge DES-encrypted with the password, each key byte's bits reversed. */
    private static byte[] desResponse(byte[] challenge, String password) throws IOException {
        byte[] key = new byte[8];
        byte[] given = password.getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i < 8 && i < given.length; i++) {
            key[i] = (byte) (Integer.reverse(given[i] & 0xff) >>> 24);
        }
        try {
            Cipher des = Cipher.getInstance("DES/ECB/NoPadding");
            des.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "DES"));
            return des.doFinal(challenge);
        } catch (GeneralSecurityException e) {
            throw new IOException("DES is not available", e);
        }
    }

    private String readString() throws IOException {
        return new String(in.readNBytes(in.readInt()), StandardCharsets.UTF_8);
    }

    private PixelFormat readFormat() throws IOException {
        int bpp = in.readUnsignedByte();
        int depth = in.readUnsignedByte();
        boolean bigEndian = in.readUnsignedByte() != 0;
        in.readUnsignedByte(); // true colour
        PixelFormat read = new PixelFormat(bpp, depth, bigEndian, in.readUnsignedShort(), in.readUnsignedShort(),
                in.readUnsignedShort(), in.readUnsignedByte(), in.readUnsignedByte(), in.readUnsignedByte());
        in.skipNBytes(3);
        return read;
    }

    public String name() {
        return name;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Asks the server for this pixel format (SetPixelFormat); later updates arrive in it. */
    public void pixelFormat(PixelFormat asked) throws IOException {
        format = asked;
        send(new byte[] {0, 0, 0, 0, (byte) asked.bitsPerPixel(), (byte) asked.depth(), (byte) (asked.bigEndian() ? 1 : 0),
                1, (byte) (asked.redMax() >> 8), (byte) asked.redMax(), (byte) (asked.greenMax() >> 8),
                (byte) asked.greenMax(), (byte) (asked.blueMax() >> 8), (byte) asked.blueMax(), (byte) asked.redShift(),
                (byte) asked.greenShift(), (byte) asked.blueShift(), 0, 0, 0});
    }

    public void encodings(int... encodings) throws IOException {
        sending.lock();
        try {
            out.writeByte(2);
            out.writeByte(0);
            out.writeShort(encodings.length);
            for (int encoding : encodings) {
                out.writeInt(encoding);
            }
            out.flush();
        } finally {
            sending.unlock();
        }
    }

    /** Asks for the whole screen; {@link #awaitUpdate(Duration)} then waits for the answer. */
    public void requestUpdate(boolean incremental) throws IOException {
        requestUpdate(incremental, 0, 0, width, height);
    }

    public void requestUpdate(boolean incremental, int x, int y, int w, int h) throws IOException {
        sending.lock();
        try {
            mark = updates;
            out.writeByte(3);
            out.writeByte(incremental ? 1 : 0);
            out.writeShort(x);
            out.writeShort(y);
            out.writeShort(w);
            out.writeShort(h);
            out.flush();
        } finally {
            sending.unlock();
        }
    }

    /** Waits for an update that arrived after the last request; returns how many updates arrived in all. */
    public long awaitUpdate(Duration within) {
        long since = mark;
        return Await.until("a framebuffer update after update " + since, within, () -> {
            if (failure != null) {
                throw new AssertionError("The RFB client failed", failure);
            }
            return updates;
        }, n -> n > since);
    }

    /**
     * Whether an update arrives (after the last request) within {@code within}; false after waiting
     * all of it. For asserting that the server holds an incremental request: {@link Await} waits
     * for something to happen, this for something not to.
     */
    public boolean updateWithin(Duration within) throws InterruptedException {
        lock.lock();
        try {
            long nanos = within.toNanos();
            while (updates <= mark && nanos > 0 && failure == null) {
                nanos = updated.awaitNanos(nanos);
            }
            return updates > mark;
        } finally {
            lock.unlock();
        }
    }

    /** The rectangles of the last update received. */
    public java.util.List<Rect> lastUpdate() {
        return lastUpdate;
    }

    /** The pixel as 0xRRGGBB, as the last update left it. */
    public int pixel(int x, int y) {
        return format.toRgb(rawPixel(x, y));
    }

    /** The pixel as the server sent it, in the pixel format asked. */
    public int rawPixel(int x, int y) {
        lock.lock();
        try {
            return raw[y * width + x];
        } finally {
            lock.unlock();
        }
    }

    public void key(int keysym, boolean down) throws IOException {
        send(new byte[] {4, (byte) (down ? 1 : 0), 0, 0, (byte) (keysym >>> 24), (byte) (keysym >>> 16),
                (byte) (keysym >>> 8), (byte) keysym});
    }

    /** Presses and releases the key of each character: Latin-1 keysyms, else Unicode ones; \n is Return, \b BackSpace. */
    public void type(String text) throws IOException {
        for (int cp : text.codePoints().toArray()) {
            int keysym = cp == '\n' ? 0xff0d : cp == '\b' ? 0xff08
                    : (cp >= 0x20 && cp <= 0x7e) || (cp >= 0xa0 && cp <= 0xff) ? cp : 0x01000000 + cp;
            key(keysym, true);
            key(keysym, false);
        }
    }

    public void pointer(int x, int y, int buttonMask) throws IOException {
        send(new byte[] {5, (byte) buttonMask, (byte) (x >> 8), (byte) x, (byte) (y >> 8), (byte) y});
    }

    /** Sends bytes as they are, for tests of what a server does with a malformed or unknown message. */
    public void send(byte[] message) throws IOException {
        sending.lock();
        try {
            out.write(message);
            out.flush();
        } finally {
            sending.unlock();
        }
    }

    /**
     * For benchmarks: types a character, then BackSpace, and so on (each key changes the screen),
     * and returns how long each took to come back as an update, in milliseconds.
     */
    public double[] typedKeyRoundTrips(int count, Duration within) throws IOException, InterruptedException {
        requestUpdate(false);
        awaitUpdate(within);
        double[] millis = new double[count];
        for (int i = 0; i < count; i++) {
            int keysym = i % 2 == 0 ? 'a' : 0xff08;
            requestUpdate(true);
            long start = System.nanoTime();
            key(keysym, true);
            if (!updateWithin(within)) {
                throw new AssertionError("no update for key " + i);
            }
            millis[i] = (System.nanoTime() - start) / 1e6;
            key(keysym, false);
        }
        return millis;
    }

    /** Whether the server ended the connection (or the client was closed). */
    public boolean ended() {
        return closed || !reader.isAlive();
    }

    private void readLoop() {
        try {
            while (!closed) {
                int type = in.readUnsignedByte();
                switch (type) {
                    case 0 -> readUpdate();
                    case 1 -> {
                        in.skipNBytes(3);
                        in.skipNBytes(6L * in.readUnsignedShort());
                    }
                    case 2 -> { } // Bell
                    case 3 -> {
                        in.skipNBytes(3);
                        in.skipNBytes(in.readInt());
                    }
                    default -> throw new IOException("Unknown server message " + type);
                }
            }
        } catch (EOFException e) {
            // the server ended the session
        } catch (IOException | RuntimeException e) {
            if (!closed) {
                failure = e;
            }
        } finally {
            lock.lock();
            try {
                updated.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    private void readUpdate() throws IOException {
        in.readUnsignedByte();
        int rects = in.readUnsignedShort();
        java.util.List<Rect> received = new java.util.ArrayList<>();
        for (int i = 0; i < rects; i++) {
            int x = in.readUnsignedShort();
            int y = in.readUnsignedShort();
            int w = in.readUnsignedShort();
            int h = in.readUnsignedShort();
            int encoding = in.readInt();
            received.add(new Rect(x, y, w, h, encoding));
            if (encoding == LAST_RECT) {
                break;
            }
            int bytes = format.bitsPerPixel() / 8;
            switch (encoding) {
                case RAW -> readRaw(x, y, w, h, bytes);
                case HEXTILE -> readHextile(x, y, w, h, bytes);
                case DESKTOP_SIZE -> resize(w, h);
                case CURSOR -> in.skipNBytes((long) w * h * bytes + (long) (w + 7) / 8 * h);
                default -> throw new IOException("Encoding " + encoding + " was not asked for");
            }
        }
        lock.lock();
        try {
            lastUpdate = java.util.List.copyOf(received);
            updates++;
            updated.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void readRaw(int x, int y, int w, int h, int bytes) throws IOException {
        byte[] row = new byte[w * bytes];
        for (int r = 0; r < h; r++) {
            in.readFully(row);
            lock.lock();
            try {
                for (int c = 0; c < w; c++) {
                    int value = 0;
                    for (int b = 0; b < bytes; b++) {
                        int octet = row[c * bytes + b] & 0xff;
                        value |= format.bigEndian() ? octet << 8 * (bytes - 1 - b) : octet << 8 * b;
                    }
                    raw[(y + r) * width + x + c] = value;
                }
            } finally {
                lock.unlock();
            }
        }
    }

    /** Hextile (RFC 6143, 7.7.4), all of it: raw tiles, background, foreground, plain and coloured subrectangles. */
    private void readHextile(int x, int y, int w, int h, int bytes) throws IOException {
        int background = 0;
        int foreground = 0;
        for (int ty = y; ty < y + h; ty += 16) {
            int th = Math.min(16, y + h - ty);
            for (int tx = x; tx < x + w; tx += 16) {
                int tw = Math.min(16, x + w - tx);
                int sub = in.readUnsignedByte();
                if ((sub & 1) != 0) {
                    readRaw(tx, ty, tw, th, bytes);
                    continue;
                }
                if ((sub & 2) != 0) {
                    background = readPixel(bytes);
                }
                fill(tx, ty, tw, th, background);
                if ((sub & 4) != 0) {
                    foreground = readPixel(bytes);
                }
                if ((sub & 8) != 0) {
                    int count = in.readUnsignedByte();
                    for (int i = 0; i < count; i++) {
                        int colour = (sub & 16) != 0 ? readPixel(bytes) : foreground;
                        int xy = in.readUnsignedByte();
                        int wh = in.readUnsignedByte();
                        fill(tx + (xy >> 4), ty + (xy & 15), (wh >> 4) + 1, (wh & 15) + 1, colour);
                    }
                }
            }
        }
    }

    private int readPixel(int bytes) throws IOException {
        int value = 0;
        for (int b = 0; b < bytes; b++) {
            int octet = in.readUnsignedByte();
            value |= format.bigEndian() ? octet << 8 * (bytes - 1 - b) : octet << 8 * b;
        }
        return value;
    }

    private void fill(int x, int y, int w, int h, int value) {
        lock.lock();
        try {
            for (int r = y; r < y + h; r++) {
                java.util.Arrays.fill(raw, r * width + x, r * width + x + w, value);
            }
        } finally {
            lock.unlock();
        }
    }

    private void resize(int w, int h) {
        lock.lock();
        try {
            width = w;
            height = h;
            raw = new int[w * h];
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            in.close();
            out.close();
            transport.close();
        } catch (Exception e) {
            throw e instanceof IOException io ? new UncheckedIOException(io) : new IllegalStateException(e);
        }
        try {
            reader.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
