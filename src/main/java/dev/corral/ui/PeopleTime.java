package dev.corral.ui;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Times as people read them: how long ago, or the date once it is more than a week back; the
 * exact time for tooltips.
 */
public final class PeopleTime {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private static final DateTimeFormatter EXACT = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm:ss 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private PeopleTime() {
    }

    public static String exact(Instant time) {
        return EXACT.format(time);
    }

    public static String relative(Instant time, Instant now) {
        Duration ago = Duration.between(time, now);
        if (ago.compareTo(Duration.ofMinutes(1)) < 0) {
            return "just now"; // also a time slightly ahead of this node's clock
        }
        if (ago.compareTo(Duration.ofHours(1)) < 0) {
            return ago.toMinutes() + " min ago";
        }
        if (ago.compareTo(Duration.ofDays(1)) < 0) {
            return plural(ago.toHours(), "hour") + " ago";
        }
        if (ago.compareTo(Duration.ofDays(7)) < 0) {
            return plural(ago.toDays(), "day") + " ago";
        }
        return DATE.format(time);
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
