package dev.corral.engine.sim;

import java.io.DataOutputStream;
import java.io.IOException;

/**
 * Sends one viewer its FramebufferUpdates, on a thread of its own: it waits for the viewer's
 * request to be answerable (see {@link SimFramebuffer#next}) while the session's reader goes on
 * taking keys, so a held incremental request never blocks input. The only writer after the
 * handshake.
 */
final class SimRfbUpdates implements Runnable {

    private static final int FRAMEBUFFER_UPDATE = 0;
    private static final int RAW = 0;

    private final SimFramebuffer framebuffer;
    private final SimFramebuffer.Viewer viewer;
    private final DataOutputStream out;
    private final SimRfbSession session;

    SimRfbUpdates(SimFramebuffer framebuffer, SimFramebuffer.Viewer viewer, DataOutputStream out,
            SimRfbSession session) {
        this.framebuffer = framebuffer;
        this.viewer = viewer;
        this.out = out;
        this.session = session;
    }

    @Override
    public void run() {
        try {
            SimFramebuffer.Frame frame;
            while ((frame = framebuffer.next(viewer)) != null) {
                send(frame, session.pixelFormat());
            }
        } catch (IOException e) {
            session.ended("sending the screen", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            session.close();
        }
    }

    private void send(SimFramebuffer.Frame frame, SimPixelFormat format) throws IOException {
        out.writeByte(FRAMEBUFFER_UPDATE);
        out.writeByte(0);
        boolean empty = frame.width() == 0;
        out.writeShort(empty ? 0 : 1);
        if (!empty) {
            out.writeShort(frame.x());
            out.writeShort(frame.y());
            out.writeShort(frame.width());
            out.writeShort(frame.height());
            out.writeInt(RAW);
            out.write(format.encode(frame.pixels()));
        }
        out.flush();
    }
}
