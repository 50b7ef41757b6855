package dev.corral.vms.ui;

import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import dev.corral.engine.VmState;

/** A VM's power state at a glance: Running green, Paused and Saved amber, Off grey, Unknown red. */
final class StateBadge {

    private StateBadge() {
    }

    static Span of(VmState state) {
        String label = state.name().charAt(0) + state.name().substring(1).toLowerCase();
        Span badge = new Span(icon(state).create(), new Span(label));
        badge.addClassNames("corral-state", "corral-state-" + state.name().toLowerCase());
        return badge;
    }

    private static VaadinIcon icon(VmState state) {
        return switch (state) {
            case RUNNING -> VaadinIcon.PLAY;
            case PAUSED -> VaadinIcon.PAUSE;
            case SAVED -> VaadinIcon.DOWNLOAD_ALT;
            case OFF -> VaadinIcon.STOP;
            case STARTING, SAVING, STOPPING -> VaadinIcon.HOURGLASS;
            case UNKNOWN -> VaadinIcon.QUESTION_CIRCLE;
        };
    }
}
