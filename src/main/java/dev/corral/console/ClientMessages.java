package dev.corral.console;

/**
 * Follows the viewer's RFB messages (ClientInit, then RFC 6143 section 7.5 and the extensions
 * noVNC uses) just far enough to tell input (keys, pointer, clipboard) from the update requests
 * a viewer sends all the time, so that the idle timeout counts only a person's activity. A
 * message it does not know ends the following: from then on everything counts as input, and the
 * idle timeout errs on the side of keeping the session.
 */
final class ClientMessages {

    private boolean awaitingInit = true;
    private boolean lost;
    private long skip;
    private final byte[] head = new byte[20];
    private int headLength;

    /** Whether these bytes began a key, pointer or clipboard message. */
    boolean feed(byte[] bytes, int offset, int length) {
        boolean input = false;
        int i = offset;
        int end = offset + length;
        while (i < end) {
            if (lost) {
                return true;
            }
            if (awaitingInit) {
                awaitingInit = false;
                i++;
                continue;
            }
            if (skip > 0) {
                int n = (int) Math.min(skip, end - i);
                skip -= n;
                i += n;
                continue;
            }
            head[headLength++] = bytes[i++];
            long total = total();
            if (total == -1) {
                lost = true;
                return true;
            }
            if (total > 0 && headLength >= Math.min(total, head.length)) {
                int type = head[0] & 0xff;
                input |= type == 4 || type == 5 || type == 6 || type == 255;
                skip = total - headLength;
                headLength = 0;
            }
        }
        return input;
    }

    /** The whole message's length once the head read so far tells it; 0 while it cannot yet; -1 for an unknown message. */
    private long total() {
        int type = head[0] & 0xff;
        return switch (type) {
            case 0 -> 20;                                                       // SetPixelFormat
            case 2 -> headLength < 4 ? 0 : 4 + 4L * u16(2);                      // SetEncodings
            case 3 -> 10;                                                       // FramebufferUpdateRequest
            case 4 -> 8;                                                        // KeyEvent
            case 5 -> 6;                                                        // PointerEvent
            case 6 -> headLength < 8 ? 0 : 8 + Math.abs((long) s32(4));          // ClientCutText (negative: extended)
            case 150 -> 10;                                                     // EnableContinuousUpdates
            case 248 -> headLength < 9 ? 0 : 9 + (head[8] & 0xff);               // ClientFence
            case 250 -> 4;                                                      // xvp
            case 251 -> headLength < 8 ? 0 : 8 + 16L * (head[6] & 0xff);         // SetDesktopSize
            case 255 -> headLength < 2 ? 0 : (head[1] == 0 ? 12 : -1);           // QEMU extended key event
            default -> -1;
        };
    }

    private int u16(int at) {
        return (head[at] & 0xff) << 8 | head[at + 1] & 0xff;
    }

    private int s32(int at) {
        return (head[at] & 0xff) << 24 | (head[at + 1] & 0xff) << 16 | (head[at + 2] & 0xff) << 8 | head[at + 3] & 0xff;
    }
}
