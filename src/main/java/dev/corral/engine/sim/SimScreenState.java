package dev.corral.engine.sim;

import java.util.List;

/**
 * What a simulated VM's screen shows, for tests that check what reached it.
 *
 * @param echoLine        what was typed on the current line
 * @param history         earlier lines, oldest first, at most {@link SimScreen#HISTORY_LINES}
 * @param ctrlAltDelCount how many times Ctrl+Alt+Del was pressed
 * @param pointerX        the pointer's last position; -1 before the first pointer event
 * @param pointerY        likewise
 * @param buttonMask      the buttons held at the last pointer event (bit 0 left, 1 middle, 2 right)
 * @param viewers         how many console sessions are open on the screen
 */
public record SimScreenState(String echoLine, List<String> history, int ctrlAltDelCount, int pointerX, int pointerY,
        int buttonMask, int viewers) {

    public SimScreenState {
        history = List.copyOf(history);
    }
}
