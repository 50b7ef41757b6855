package dev.corral.licensing.ui;

import com.vaadin.flow.component.html.Span;
import dev.corral.licensing.LicensingCompliance;

/** A host's licensing status as a coloured badge: within rights green, at the limit amber, over red, unchecked grey. */
final class StatusBadge {

    private StatusBadge() {
    }

    static Span of(LicensingCompliance.HostCompliance host) {
        Span badge = new Span(host.status().label());
        badge.addClassNames("corral-badge", "corral-badge-" + tone(host.status()));
        badge.setTitle(host.statusText());
        return badge;
    }

    static String tone(LicensingCompliance.Status status) {
        return switch (status) {
            case WITHIN, UNLIMITED -> "ok";
            case AT_LIMIT -> "warning";
            case OVER -> "error";
            case UNKNOWN_EDITION, NO_EDITION -> "neutral";
        };
    }

    /** "1 of 1", "3 (unlimited)", "2 (not checked)". */
    static String usage(LicensingCompliance.HostCompliance host) {
        return switch (host.status()) {
            case UNLIMITED -> host.windowsRunning() + " (no limit)";
            case UNKNOWN_EDITION, NO_EDITION -> host.windowsRunning() + " (not checked)";
            default -> host.windowsRunning() + " of " + host.rights();
        };
    }

    /** The running Windows VMs the caller sees, and how many others there are. */
    static String runningNames(LicensingCompliance.HostCompliance host) {
        int unseen = host.windowsRunning() - host.runningVms().size();
        if (host.windowsRunning() == 0) {
            return "No Windows VM is running.";
        }
        return "Running: " + String.join(", ", host.runningVms())
                + (unseen > 0 ? (host.runningVms().isEmpty() ? "" : " and ") + unseen + " VM" + (unseen == 1 ? "" : "s")
                        + " you may not see" : "") + ".";
    }
}
