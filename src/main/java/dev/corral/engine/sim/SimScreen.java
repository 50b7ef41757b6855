package dev.corral.engine.sim;

import dev.corral.engine.VmInfo;
import java.awt.Color;
import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The screen of one simulated VM, shared by every viewer of it: what its state shows, a line that
 * echoes typed keys, Ctrl+Alt+Del and the pointer. Besides text for people, it draws markers at
 * fixed places in fixed colours, so a browser test can read from noVNC's canvas what reached the
 * VM: the constants below are that contract.
 */
public final class SimScreen {

    public static final int WIDTH = 1024;
    public static final int HEIGHT = 768;
    /** A pixel that always shows {@link #backgroundOf(UUID)} (unless the pointer crosshair covers it). */
    public static final int BACKGROUND_PROBE_X = 8;
    public static final int BACKGROUND_PROBE_Y = 8;
    /** Where the state text ("Running", "Powered off"…) is drawn; it changes with the VM's state. */
    public static final int STATE_X = 24;
    public static final int STATE_Y = 48;
    public static final int STATE_WIDTH = 576;
    public static final int STATE_HEIGHT = 40;
    /** One filled square per character on the echo line: the i-th at ({@link #echoBlockX(int)}, ECHO_BLOCK_Y). */
    public static final int ECHO_BLOCK_X = 24;
    public static final int ECHO_BLOCK_Y = 700;
    public static final int ECHO_BLOCK_SIZE = 8;
    public static final int ECHO_BLOCK_PITCH = 12;
    public static final int ECHO_BLOCK_COLOUR = 0xFFD700;
    /** Characters past this many on one line are not taken (the blocks fill the screen's width). */
    public static final int ECHO_MAX = 80;
    public static final int HISTORY_LINES = 5;
    /** The panel shown once Ctrl+Alt+Del arrived, with "Ctrl+Alt+Del received (n)" in black. */
    public static final int CAD_PANEL_X = 640;
    public static final int CAD_PANEL_Y = 96;
    public static final int CAD_PANEL_WIDTH = 360;
    public static final int CAD_PANEL_HEIGHT = 56;
    public static final int CAD_PANEL_COLOUR = 0x00E5FF;
    /** The crosshair at the last pointer position: its centre pixel and arms of this length. */
    public static final int POINTER_COLOUR = 0xFF00FF;
    public static final int POINTER_ARM = 6;

    private final ReentrantLock lock = new ReentrantLock();
    private final SimFramebuffer framebuffer = new SimFramebuffer(WIDTH, HEIGHT);
    private final Set<Closeable> sessions = ConcurrentHashMap.newKeySet();
    // Only while someone views the screen: a fleet's unviewed screens keep their text, not 6 MiB of pixels each.
    private SimScreenPainter painter;
    private final Deque<String> history = new ArrayDeque<>();
    private VmInfo vm;
    private StringBuilder echo = new StringBuilder();
    private int ctrlAltDel;
    private int pointerX = -1;
    private int pointerY = -1;
    private int buttonMask;

    SimScreen(VmInfo vm) {
        this.vm = vm;
        change(() -> { });
    }

    /**
     * The background of the VM's screen: hue from the id's hash (HSB hue = floorMod(hash, 360) / 360,
     * saturation 0.7, brightness 0.55), so each VM's console is told apart at a glance and none is
     * near black or white.
     */
    public static int backgroundOf(UUID vmId) {
        int hue = Math.floorMod(vmId.hashCode(), 360);
        return Color.HSBtoRGB(hue / 360f, 0.7f, 0.55f) & 0xFFFFFF;
    }

    /** The left edge of the i-th echo block (0-based). */
    public static int echoBlockX(int index) {
        return ECHO_BLOCK_X + index * ECHO_BLOCK_PITCH;
    }

    SimFramebuffer framebuffer() {
        return framebuffer;
    }

    String vmName() {
        lock.lock();
        try {
            return vm.name();
        } finally {
            lock.unlock();
        }
    }

    /** The VM changed (state, name, guest OS); redraws what it shows. */
    void show(VmInfo changed) {
        change(() -> vm = changed);
    }

    void typed(int codePoint) {
        change(() -> {
            if (echo.codePointCount(0, echo.length()) < ECHO_MAX) {
                echo.appendCodePoint(codePoint);
            }
        });
    }

    void backspace() {
        change(() -> {
            if (!echo.isEmpty()) {
                echo.setLength(echo.offsetByCodePoints(echo.length(), -1));
            }
        });
    }

    void enter() {
        change(() -> {
            history.addLast(echo.toString());
            while (history.size() > HISTORY_LINES) {
                history.removeFirst();
            }
            echo = new StringBuilder();
        });
    }

    void ctrlAltDel() {
        change(() -> ctrlAltDel++);
    }

    void pointer(int x, int y, int mask) {
        change(() -> {
            pointerX = x;
            pointerY = y;
            buttonMask = mask;
        });
    }

    SimScreenState state() {
        lock.lock();
        try {
            return new SimScreenState(echo.toString(), new ArrayList<>(history), ctrlAltDel, pointerX, pointerY,
                    buttonMask, sessions.size());
        } finally {
            lock.unlock();
        }
    }

    /** A session begins: the screen is drawn (if nobody viewed it yet) before the session reads a request. */
    void attach(Closeable session) {
        lock.lock();
        try {
            sessions.add(session);
            if (painter == null) {
                painter = new SimScreenPainter(WIDTH, HEIGHT);
                change(() -> { });
            }
        } finally {
            lock.unlock();
        }
    }

    /** A session ended; with the last one, the pixels go and only what the screen says is kept. */
    void detach(Closeable session) {
        lock.lock();
        try {
            sessions.remove(session);
            if (sessions.isEmpty()) {
                painter = null;
                framebuffer.release();
            }
        } finally {
            lock.unlock();
        }
    }

    /** The VM is gone from this host (deleted, migrated away): its console sessions end. */
    void end() {
        for (Closeable session : List.copyOf(sessions)) {
            try {
                session.close();
            } catch (IOException e) {
                // closing the session's own pipe ends; nothing left to do
            }
        }
    }

    private void change(Runnable update) {
        lock.lock();
        try {
            update.run();
            if (painter == null) {
                return;
            }
            SimScreenState state = new SimScreenState(echo.toString(), new ArrayList<>(history), ctrlAltDel,
                    pointerX, pointerY, buttonMask, 0);
            framebuffer.show(painter.paint(vm, state));
        } finally {
            lock.unlock();
        }
    }
}
