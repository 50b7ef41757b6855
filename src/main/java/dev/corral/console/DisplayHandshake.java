package dev.corral.console;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * Corral's side of an RFB handshake with a VM's display (RFC 6143, 7.1 and 7.2): versions 3.3 to
 * 3.8, no authentication or VNC authentication. The relay settles security with the display
 * itself, so the display's password never leaves Corral; the browser is then offered no
 * authentication, having shown its ticket. What follows (ClientInit onwards) passes through.
 */
final class DisplayHandshake {

    static final int NONE = 1;
    static final int VNC_AUTHENTICATION = 2;

    /** A display that does not speak RFB as expected, or refused us; the message is for the log and the viewer. */
    static final class Failed extends IOException {
        Failed(String message) {
            super(message);
        }
    }

    private DisplayHandshake() {
    }

    /** Negotiates with the display; returns with the display waiting for ClientInit. */
    static void negotiate(InputStream input, OutputStream output, Optional<String> password) throws IOException {
        DataInputStream in = new DataInputStream(input);
        byte[] greeting = new byte[12];
        in.readFully(greeting);
        String version = new String(greeting, StandardCharsets.US_ASCII);
        if (!version.matches("RFB \\d{3}\\.\\d{3}\n")) {
            throw new Failed("The VM's display does not speak RFB (it greeted with " + printable(version) + ").");
        }
        int major = Integer.parseInt(version.substring(4, 7));
        int minor = Integer.parseInt(version.substring(8, 11));
        if (major != 3 || minor < 3) {
            throw new Failed("The VM's display speaks RFB " + major + "." + minor + ", which Corral does not.");
        }
        int ours = minor >= 8 ? 8 : minor >= 7 ? 7 : 3; // 3.4 to 3.6 are 3.3 in all but name
        output.write(("RFB 003.00" + ours + "\n").getBytes(StandardCharsets.US_ASCII));
        output.flush();
        int chosen;
        if (ours == 3) {
            chosen = in.readInt();
            if (chosen == 0) {
                throw new Failed("The VM's display refused the connection: " + reason(in));
            }
        } else {
            int count = in.readUnsignedByte();
            if (count == 0) {
                throw new Failed("The VM's display refused the connection: " + reason(in));
            }
            boolean none = false;
            boolean vnc = false;
            for (int i = 0; i < count; i++) {
                int type = in.readUnsignedByte();
                none |= type == NONE;
                vnc |= type == VNC_AUTHENTICATION;
            }
            if (none) {
                chosen = NONE;
            } else if (vnc && password.isPresent()) {
                chosen = VNC_AUTHENTICATION;
            } else {
                throw new Failed(vnc ? "The VM's display asks for a password that its host does not give Corral."
                        : "The VM's display offers only security types Corral does not speak.");
            }
            output.write(chosen);
            output.flush();
        }
        if (chosen == VNC_AUTHENTICATION) {
            byte[] challenge = new byte[16];
            in.readFully(challenge);
            output.write(vncResponse(challenge, password.orElse("")));
            output.flush();
        } else if (chosen != NONE) {
            throw new Failed("The VM's display chose security type " + chosen + ", which Corral does not speak.");
        }
        if (chosen == VNC_AUTHENTICATION || ours == 8) {
            int result = in.readInt();
            if (result != 0) {
                throw new Failed("The VM's display refused Corral's authentication"
                        + (ours == 8 ? ": " + reason(in) : "."));
            }
        }
    }

    /**
     * VNC authentication's answer: the challenge encrypted with DES under the password's first
     * eight bytes, each byte's bits reversed (as the protocol's first implementation did).
     */
    static byte[] vncResponse(byte[] challenge, String password) throws IOException {
        byte[] key = new byte[8];
        byte[] given = password.getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i < key.length && i < given.length; i++) {
            key[i] = (byte) (Integer.reverse(given[i] & 0xff) >>> 24);
        }
        try {
            Cipher des = Cipher.getInstance("DES/ECB/NoPadding");
            des.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "DES"));
            return des.doFinal(challenge);
        } catch (GeneralSecurityException e) {
            throw new IOException("DES is not available in this JDK", e);
        }
    }

    private static String reason(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > 4096) {
            return "(no reason given)";
        }
        byte[] text = new byte[length];
        in.readFully(text);
        return printable(new String(text, StandardCharsets.UTF_8));
    }

    private static String printable(String text) {
        return "\"" + text.replaceAll("\\p{Cntrl}", "?") + "\"";
    }
}
