package dev.corral.access.ui;

import java.util.Locale;

/** Outcomes and channels as the audit view names them. */
final class AuditOutcomes {

    private AuditOutcomes() {
    }

    /** "Success", "Refused", "Failed"; anything else (a tampered row) as recorded. */
    static String label(String outcome) {
        return switch (outcome) {
            case "SUCCESS" -> "Success";
            case "REFUSED" -> "Refused";
            case "FAILED" -> "Failed";
            default -> outcome;
        };
    }

    /** The CSS modifier of the outcome badge: green, amber, red, or neutral for the unknown. */
    static String tone(String outcome) {
        return switch (outcome) {
            case "SUCCESS", "REFUSED", "FAILED" -> outcome.toLowerCase(Locale.ROOT);
            default -> "unknown";
        };
    }

    static String channel(String channel) {
        return switch (channel) {
            case "CONSOLE" -> "Console";
            case "API" -> "API";
            case "SYSTEM" -> "System";
            default -> channel;
        };
    }
}
