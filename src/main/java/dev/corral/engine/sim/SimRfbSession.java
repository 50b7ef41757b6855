package dev.corral.engine.sim;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One viewer's RFB 3.8 session (RFC 6143) with a simulated screen, over the server's ends of two
 * pipes: the handshake (versions 3.3, 3.7 and 3.8, security None only: the relay in front decides
 * who may look), then the client's messages, read on this thread while {@link SimRfbUpdates}
 * sends the screen. Every session is shared (the ClientInit flag is read and ignored). Client cut
 * text is ignored: pasting is not typing, and a real VM's console drops it too without an agent.
 * An unknown message, a pixel format the simulator cannot send, or a client that goes away ends
 * the session quietly.
 */
final class SimRfbSession implements Runnable, Closeable {

    private static final Logger log = LoggerFactory.getLogger(SimRfbSession.class);
    private static final Pattern VERSION = Pattern.compile("RFB (\\d{3})\\.(\\d{3})\n");
    private static final int NONE = 1;

    private final SimScreen screen;
    private final SimFramebuffer framebuffer;
    private final SimFramebuffer.Viewer viewer;
    private final SimKeyboard keyboard;
    private final Pipe.SourceChannel fromClient;
    private final Pipe.SinkChannel toClient;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile SimPixelFormat format = SimPixelFormat.DEFAULT;
    private volatile boolean hextile;

    SimRfbSession(SimScreen screen, Pipe.SourceChannel fromClient, Pipe.SinkChannel toClient) {
        this.screen = screen;
        this.framebuffer = screen.framebuffer();
        this.viewer = framebuffer.viewer();
        this.keyboard = new SimKeyboard(screen);
        this.fromClient = fromClient;
        this.toClient = toClient;
    }

    @Override
    public void run() {
        screen.attach(this);
        Thread updates = null;
        try {
            DataInputStream in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(fromClient)));
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(toClient), 1 << 16));
            if (handshake(in, out)) {
                updates = Thread.ofVirtual().name(Thread.currentThread().getName() + "-updates")
                        .start(new SimRfbUpdates(framebuffer, viewer, out, this));
                messages(in);
            }
        } catch (IOException e) {
            ended("reading from the viewer", e);
        } finally {
            close();
            if (updates != null) {
                try {
                    updates.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            screen.detach(this);
        }
    }

    SimPixelFormat pixelFormat() {
        return format;
    }

    /** Whether the viewer named Hextile among its encodings (noVNC does); Raw otherwise. */
    boolean hextile() {
        return hextile;
    }

    private boolean handshake(DataInputStream in, DataOutputStream out) throws IOException {
        out.write("RFB 003.008\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String greeting = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
        Matcher version = VERSION.matcher(greeting);
        if (!version.matches() || Integer.parseInt(version.group(1)) != 3) {
            log.debug("Console of VM {}: not an RFB 3.x client ({}); closing", screen.vmName(), greeting.strip());
            return false;
        }
        // RFC 6143 §7.1.1: versions other than 3.7 and 3.8 are taken as 3.3.
        int minor = Integer.parseInt(version.group(2));
        minor = minor >= 8 ? 8 : minor == 7 ? 7 : 3;
        if (minor == 3) {
            out.writeInt(NONE);
        } else {
            out.writeByte(1);
            out.writeByte(NONE);
            out.flush();
            int chosen = in.readUnsignedByte();
            if (chosen != NONE) {
                if (minor == 8) {
                    byte[] reason = ("Security type " + chosen + " is not offered; this display offers None (1).")
                            .getBytes(StandardCharsets.UTF_8);
                    out.writeInt(1);
                    out.writeInt(reason.length);
                    out.write(reason);
                    out.flush();
                }
                return false;
            }
            if (minor == 8) {
                out.writeInt(0);
            }
        }
        out.flush();
        in.readUnsignedByte(); // ClientInit: always shared; the relay decides who else may look
        byte[] name = screen.vmName().getBytes(StandardCharsets.UTF_8);
        out.writeShort(framebuffer.width);
        out.writeShort(framebuffer.height);
        SimPixelFormat.DEFAULT.write(out);
        out.writeInt(name.length);
        out.write(name);
        out.flush();
        return true;
    }

    private void messages(DataInputStream in) throws IOException {
        while (!closed.get()) {
            int type = in.read();
            switch (type) {
                case -1 -> {
                    return;
                }
                case 0 -> {
                    in.skipNBytes(3);
                    SimPixelFormat asked = SimPixelFormat.read(in);
                    String problem = asked.problem();
                    if (problem != null) {
                        log.info("Console of VM {}: the viewer asked for {}, which the simulator does not send; closing",
                                screen.vmName(), problem);
                        return;
                    }
                    format = asked;
                }
                case 2 -> {
                    in.skipNBytes(1);
                    int count = in.readUnsignedShort();
                    boolean takesHextile = false;
                    for (int i = 0; i < count; i++) {
                        takesHextile |= in.readInt() == SimRfbUpdates.HEXTILE;
                    }
                    hextile = takesHextile; // otherwise Raw, which every viewer takes
                }
                case 3 -> framebuffer.request(viewer, new SimFramebuffer.Request(in.readUnsignedByte() != 0,
                        in.readUnsignedShort(), in.readUnsignedShort(), in.readUnsignedShort(), in.readUnsignedShort()));
                case 4 -> {
                    boolean down = in.readUnsignedByte() != 0;
                    in.skipNBytes(2);
                    keyboard.key(in.readInt(), down);
                }
                case 5 -> {
                    int mask = in.readUnsignedByte();
                    int x = Math.min(in.readUnsignedShort(), framebuffer.width - 1);
                    int y = Math.min(in.readUnsignedShort(), framebuffer.height - 1);
                    screen.pointer(x, y, mask);
                }
                case 6 -> {
                    in.skipNBytes(3);
                    // A negative length is the extended clipboard's (its absolute value); either way ignored.
                    in.skipNBytes(Math.abs((long) in.readInt()));
                }
                default -> {
                    log.debug("Console of VM {}: unknown RFB message type {}; closing", screen.vmName(), type);
                    return;
                }
            }
        }
    }

    /** The viewer went away (or the session was closed under the thread): no stack trace, it is normal. */
    void ended(String doing, IOException e) {
        if (!closed.get()) {
            log.debug("Console session of VM {} ended while {}: {}", screen.vmName(), doing, e.toString());
        }
    }

    /** Ends the session: both pipe ends close, so the viewer reads end of stream. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            framebuffer.close(viewer);
            closeQuietly(fromClient);
            closeQuietly(toClient);
        }
    }

    private static void closeQuietly(Closeable channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // a pipe end that fails to close is closed for this session all the same
        }
    }
}
