package dev.corral.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SignInThrottleEntryTest {

    private static final Instant T0 = Instant.parse("2026-06-01T08:00:00Z");
    private static final Duration WINDOW = Duration.ofMinutes(15);
    private static final Duration LOCK = Duration.ofMinutes(10);

    @Test
    void locksAtTheFifthFailureWithinTheWindow() {
        SignInThrottleEntry entry = new SignInThrottleEntry("dev", T0);
        for (int i = 0; i < 4; i++) {
            entry.recordFailure(T0.plusSeconds(i * 60L), 5, WINDOW, LOCK);
        }
        assertThat(entry.isLockedAt(T0.plusSeconds(240))).isFalse();

        entry.recordFailure(T0.plusSeconds(300), 5, WINDOW, LOCK);

        assertThat(entry.isLockedAt(T0.plusSeconds(301))).isTrue();
        assertThat(entry.lockedUntil()).isEqualTo(T0.plusSeconds(300).plus(LOCK));
        assertThat(entry.isLockedAt(T0.plusSeconds(300).plus(LOCK))).isFalse();
    }

    @Test
    void failuresOutsideTheWindowStartAFreshCount() {
        SignInThrottleEntry entry = new SignInThrottleEntry("dev", T0);
        for (int i = 0; i < 4; i++) {
            entry.recordFailure(T0, 5, WINDOW, LOCK);
        }

        entry.recordFailure(T0.plus(WINDOW).plusSeconds(1), 5, WINDOW, LOCK);

        assertThat(entry.isLockedAt(T0.plus(WINDOW).plusSeconds(2))).isFalse();
    }

    @Test
    void aFailureAfterAnExpiredLockCountsFromOne() {
        SignInThrottleEntry entry = new SignInThrottleEntry("dev", T0);
        for (int i = 0; i < 5; i++) {
            entry.recordFailure(T0, 5, WINDOW, LOCK);
        }
        Instant afterLock = T0.plus(LOCK).plusSeconds(1);

        entry.recordFailure(afterLock, 5, WINDOW, LOCK);

        assertThat(entry.isLockedAt(afterLock)).isFalse();
    }

    @Test
    void lockMessageRoundsUpToWholeMinutes() {
        assertThat(ThrottledAuthenticationProvider.lockedMessage(Duration.ofSeconds(61))).endsWith("2 minutes.");
        assertThat(ThrottledAuthenticationProvider.lockedMessage(Duration.ofSeconds(5))).endsWith("1 minute.");
    }
}
