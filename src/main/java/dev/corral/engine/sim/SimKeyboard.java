package dev.corral.engine.sim;

/**
 * One viewer's keyboard: the modifiers it holds, and what its keysyms (X11 keysyms, as RFB sends
 * them) do on the shared screen. Modifiers are per viewer, as on a real console: one viewer
 * holding Ctrl does not make another's Delete a Ctrl+Alt+Del.
 */
final class SimKeyboard {

    static final int BACKSPACE = 0xff08;
    static final int RETURN = 0xff0d;
    static final int KP_ENTER = 0xff8d;
    static final int DELETE = 0xffff;
    static final int KP_DELETE = 0xff9f;
    private static final int CONTROL_L = 0xffe3;
    private static final int CONTROL_R = 0xffe4;
    private static final int META_L = 0xffe7;
    private static final int META_R = 0xffe8;
    private static final int ALT_L = 0xffe9;
    private static final int ALT_R = 0xffea;
    private static final int UNICODE = 0x01000000;

    private final SimScreen screen;
    private boolean controlLeft;
    private boolean controlRight;
    private boolean altLeft;
    private boolean altRight;

    SimKeyboard(SimScreen screen) {
        this.screen = screen;
    }

    void key(int keysym, boolean down) {
        switch (keysym) {
            case CONTROL_L -> controlLeft = down;
            case CONTROL_R -> controlRight = down;
            // Some clients send Meta for Alt (noVNC on macOS): both count as Alt.
            case ALT_L, META_L -> altLeft = down;
            case ALT_R, META_R -> altRight = down;
            default -> {
                if (down) {
                    pressed(keysym);
                }
            }
        }
    }

    private void pressed(int keysym) {
        boolean control = controlLeft || controlRight;
        boolean alt = altLeft || altRight;
        if ((keysym == DELETE || keysym == KP_DELETE) && control && alt) {
            screen.ctrlAltDel();
        } else if (keysym == BACKSPACE) {
            screen.backspace();
        } else if (keysym == RETURN || keysym == KP_ENTER) {
            screen.enter();
        } else if (!control && !alt) {
            int codePoint = codePoint(keysym);
            if (codePoint >= 0) {
                screen.typed(codePoint);
            }
        }
    }

    /**
     * The character a keysym types: Latin-1 keysyms are their code point, Unicode keysyms
     * 0x01000000 + the code point; -1 for function keys, control characters and the legacy
     * keysyms of other scripts (which noVNC sends as Unicode keysyms where it can).
     */
    static int codePoint(int keysym) {
        if ((keysym >= 0x20 && keysym <= 0x7e) || (keysym >= 0xa0 && keysym <= 0xff)) {
            return keysym;
        }
        if (keysym > UNICODE && keysym <= UNICODE + Character.MAX_CODE_POINT) {
            int codePoint = keysym - UNICODE;
            return Character.isISOControl(codePoint) || !Character.isDefined(codePoint) ? -1 : codePoint;
        }
        return -1;
    }
}
