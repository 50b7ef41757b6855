package dev.corral.engine.sim;

import static dev.corral.engine.sim.SimScreen.*;

import dev.corral.engine.VmInfo;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.List;

/**
 * Draws a simulated screen with Java2D, headless: text without antialiasing, as a VM's console
 * shows it, and the markers of {@link SimScreen} in their exact colours. Not thread-safe: the
 * screen paints under its lock, into one reused image.
 */
final class SimScreenPainter {

    private static final Font TEXT = new Font(Font.MONOSPACED, Font.PLAIN, 14);
    private static final Font HEADING = new Font(Font.MONOSPACED, Font.BOLD, 28);
    private static final int LINE = 18;
    private static final int BOOT_TOP = 124;
    private static final int ECHO_BASELINE = 684;
    private static final Color FOREGROUND = new Color(0xFFFFFF);
    private static final Color DIM = new Color(0xD8D8D8);

    private final BufferedImage image;
    private final int[] pixels;

    SimScreenPainter(int width, int height) {
        image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
    }

    /** Paints the screen; the returned pixels (0xRRGGBB) are this painter's and change on the next call. */
    int[] paint(VmInfo vm, SimScreenState state) {
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_OFF);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
            g.setColor(new Color(backgroundOf(vm.id())));
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            heading(g, vm);
            boot(g, SimBootText.lines(vm));
            echo(g, SimBootText.prompt(vm), state);
            if (state.ctrlAltDelCount() > 0) {
                ctrlAltDel(g, state.ctrlAltDelCount());
            }
            if (state.pointerX() >= 0) {
                g.setColor(new Color(POINTER_COLOUR));
                g.drawLine(state.pointerX() - POINTER_ARM, state.pointerY(), state.pointerX() + POINTER_ARM, state.pointerY());
                g.drawLine(state.pointerX(), state.pointerY() - POINTER_ARM, state.pointerX(), state.pointerY() + POINTER_ARM);
            }
        } finally {
            g.dispose();
        }
        return pixels;
    }

    private static void heading(Graphics2D g, VmInfo vm) {
        g.setClip(STATE_X, 0, STATE_WIDTH, STATE_Y + STATE_HEIGHT);
        g.setFont(TEXT);
        g.setColor(DIM);
        g.drawString(vm.name() + "  -  " + vm.spec().guestOs().name(), STATE_X, 32);
        g.setFont(HEADING);
        g.setColor(FOREGROUND);
        g.drawString(SimBootText.stateLabel(vm.state()), STATE_X, STATE_Y + 30);
        g.setClip(null);
    }

    private static void boot(Graphics2D g, List<String> lines) {
        g.setClip(STATE_X, BOOT_TOP - LINE, CAD_PANEL_X - STATE_X - 16, LINE * 24);
        g.setFont(TEXT);
        g.setColor(DIM);
        for (int i = 0; i < lines.size() && i < 24; i++) {
            g.drawString(lines.get(i), STATE_X, BOOT_TOP + i * LINE);
        }
        g.setClip(null);
    }

    private static void echo(Graphics2D g, String prompt, SimScreenState state) {
        g.setFont(TEXT);
        g.setColor(DIM);
        List<String> history = state.history();
        for (int i = 0; i < history.size(); i++) {
            g.drawString(prompt + history.get(i), STATE_X, ECHO_BASELINE - (history.size() - i) * LINE);
        }
        g.setColor(FOREGROUND);
        g.drawString(prompt + state.echoLine() + "_", STATE_X, ECHO_BASELINE);
        g.setColor(new Color(ECHO_BLOCK_COLOUR));
        int blocks = state.echoLine().codePointCount(0, state.echoLine().length());
        for (int i = 0; i < blocks; i++) {
            g.fillRect(echoBlockX(i), ECHO_BLOCK_Y, ECHO_BLOCK_SIZE, ECHO_BLOCK_SIZE);
        }
    }

    private static void ctrlAltDel(Graphics2D g, int count) {
        g.setColor(new Color(CAD_PANEL_COLOUR));
        g.fillRect(CAD_PANEL_X, CAD_PANEL_Y, CAD_PANEL_WIDTH, CAD_PANEL_HEIGHT);
        g.setColor(Color.BLACK);
        g.setFont(TEXT);
        g.drawString("Ctrl+Alt+Del received (" + count + ")", CAD_PANEL_X + 16, CAD_PANEL_Y + 34);
    }
}
