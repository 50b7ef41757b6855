package dev.corral.console;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The browser's half of the RFB handshake, which the relay answers itself: version, then
 * "no authentication" (the ticket was the credential). After that every byte passes to the
 * display, and {@link ClientMessages} watches them for the viewer's input.
 */
final class BrowserSide {

    static final byte[] GREETING = "RFB 003.008\n".getBytes(StandardCharsets.US_ASCII);

    private enum Phase { VERSION, SECURITY, RELAY }

    /** What one message from the browser asks of the relay. */
    record Step(byte[] toBrowser, byte[] toDisplay, boolean input, String error) {
    }

    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private final ClientMessages messages = new ClientMessages();
    private Phase phase = Phase.VERSION;
    private int minor;

    boolean relaying() {
        return phase == Phase.RELAY;
    }

    Step feed(ByteBuffer data) {
        byte[] bytes = new byte[data.remaining()];
        data.get(bytes);
        if (phase == Phase.RELAY) {
            return new Step(null, bytes, messages.feed(bytes, 0, bytes.length), null);
        }
        pending.writeBytes(bytes);
        byte[] have = pending.toByteArray();
        ByteArrayOutputStream reply = new ByteArrayOutputStream();
        int used = 0;
        if (phase == Phase.VERSION) {
            if (have.length < 12) {
                return new Step(null, null, false, null);
            }
            String version = new String(have, 0, 12, StandardCharsets.US_ASCII);
            if (!version.matches("RFB 003\\.\\d{3}\n")) {
                return new Step(null, null, false, "The viewer does not speak RFB 3.x.");
            }
            minor = Math.min(8, Integer.parseInt(version.substring(8, 11)));
            used = 12;
            if (minor < 7) {
                reply.writeBytes(new byte[] {0, 0, 0, DisplayHandshake.NONE}); // 3.3: the server decides
                phase = Phase.RELAY;
            } else {
                reply.writeBytes(new byte[] {1, DisplayHandshake.NONE});
                phase = Phase.SECURITY;
            }
        }
        if (phase == Phase.SECURITY && have.length > used) {
            if (have[used] != DisplayHandshake.NONE) {
                return new Step(reply.toByteArray(), null, false, "The viewer chose a security type the relay did not offer.");
            }
            used++;
            if (minor == 8) {
                reply.writeBytes(new byte[] {0, 0, 0, 0}); // SecurityResult: OK
            }
            phase = Phase.RELAY;
        }
        byte[] rest = null;
        boolean input = false;
        if (phase == Phase.RELAY) {
            rest = java.util.Arrays.copyOfRange(have, used, have.length);
            input = messages.feed(rest, 0, rest.length);
            pending.reset();
        } else {
            pending.reset();
            pending.write(have, used, have.length - used);
        }
        return new Step(reply.size() == 0 ? null : reply.toByteArray(), rest == null || rest.length == 0 ? null : rest, input, null);
    }
}
