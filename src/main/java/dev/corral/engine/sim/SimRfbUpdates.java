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
    static final int HEXTILE = 5;
    private static final int TILE = 16;
    private static final int TILE_RAW = 1;
    private static final int TILE_BACKGROUND = 2;

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
            if (session.hextile()) {
                out.writeInt(HEXTILE);
                writeHextile(frame, format);
            } else {
                out.writeInt(RAW);
                out.write(format.encode(frame.pixels()));
            }
        }
        out.flush();
    }

    /**
     * Hextile: 16×16 tiles, left to right and top to bottom; a tile of one colour is that colour
     * alone (most of a simulated screen), any other tile its pixels raw. Each one-colour tile names
     * its colour, so no tile depends on what a raw tile before it left undefined.
     */
    private void writeHextile(SimFramebuffer.Frame frame, SimPixelFormat format) throws IOException {
        int[] pixels = frame.pixels();
        int[] tile = new int[TILE * TILE];
        for (int ty = 0; ty < frame.height(); ty += TILE) {
            int th = Math.min(TILE, frame.height() - ty);
            for (int tx = 0; tx < frame.width(); tx += TILE) {
                int tw = Math.min(TILE, frame.width() - tx);
                int n = 0;
                boolean solid = true;
                int first = pixels[ty * frame.width() + tx];
                for (int y = 0; y < th; y++) {
                    int row = (ty + y) * frame.width() + tx;
                    for (int x = 0; x < tw; x++) {
                        int p = pixels[row + x];
                        solid &= p == first;
                        tile[n++] = p;
                    }
                }
                if (solid) {
                    out.writeByte(TILE_BACKGROUND);
                    out.write(format.encode(new int[] {first}));
                } else {
                    out.writeByte(TILE_RAW);
                    out.write(format.encode(java.util.Arrays.copyOf(tile, n)));
                }
            }
        }
    }
}
