package dev.corral.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PeopleTimeTest {

    static final Instant NOW = Instant.parse("2026-06-10T12:00:00Z");

    static String ago(Duration duration) {
        return PeopleTime.relative(NOW.minus(duration), NOW);
    }

    @Test
    void recentTimesReadAsHowLongAgo() {
        assertThat(ago(Duration.ofSeconds(20))).isEqualTo("just now");
        assertThat(ago(Duration.ofSeconds(-5))).isEqualTo("just now");
        assertThat(ago(Duration.ofMinutes(12))).isEqualTo("12 min ago");
        assertThat(ago(Duration.ofMinutes(61))).isEqualTo("1 hour ago");
        assertThat(ago(Duration.ofHours(5))).isEqualTo("5 hours ago");
        assertThat(ago(Duration.ofDays(3))).isEqualTo("3 days ago");
    }

    @Test
    void olderTimesReadAsADate() {
        assertThat(ago(Duration.ofDays(9).plusHours(3))).isEqualTo("1 Jun 2026, 09:00 UTC");
    }
}
