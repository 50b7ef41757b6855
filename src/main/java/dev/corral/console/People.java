package dev.corral.console;

import java.time.Duration;

/** Durations as the console and the audit trail say them. */
final class People {

    private People() {
    }

    /** "45 s", "3 min 12 s", "2 h 5 min". */
    static String duration(Duration d) {
        long seconds = Math.max(0, d.toSeconds());
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min" + (seconds % 60 == 0 ? "" : " " + seconds % 60 + " s");
        }
        long minutes = seconds / 60 % 60;
        return seconds / 3600 + " h" + (minutes == 0 ? "" : " " + minutes + " min");
    }
}
