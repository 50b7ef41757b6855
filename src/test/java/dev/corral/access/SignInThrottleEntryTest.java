package dev.corral.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corral.access.SignInThrottleEntry.Admission;
import dev.corral.access.SignInThrottleEntry.Key;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SignInThrottleEntryTest {

    private static final Instant T0 = Instant.parse("2026-06-01T08:00:00Z");
    private static final Duration WINDOW = Duration.ofMinutes(15);
    private static final Duration LOCK = Duration.ofMinutes(10);
    private static final Duration MAX_LOCK = Duration.ofMinutes(35);

    private final SignInThrottleEntry entry = new SignInThrottleEntry(new Key("dev", "192.0.2.1"), T0);

    private void fail(Instant at) {
        assertThat(entry.admit(at, 5, WINDOW)).isEqualTo(Admission.ADMITTED);
        entry.failed(at, 5, LOCK, MAX_LOCK);
    }

    @Test
    void locksAtTheFifthFailureWithinTheWindow() {
        for (int i = 0; i < 4; i++) {
            fail(T0.plusSeconds(i * 60L));
        }
        assertThat(entry.isLockedAt(T0.plusSeconds(240))).isFalse();

        fail(T0.plusSeconds(300));

        assertThat(entry.isLockedAt(T0.plusSeconds(301))).isTrue();
        assertThat(entry.admit(T0.plusSeconds(301), 5, WINDOW)).isEqualTo(Admission.LOCKED);
        assertThat(entry.lockedUntil()).isEqualTo(T0.plusSeconds(300).plus(LOCK));
        assertThat(entry.isLockedAt(T0.plusSeconds(300).plus(LOCK))).isFalse();
    }

    @Test
    void attemptsInProgressHoldTheirPlaceSoABurstGetsNoMoreThanTheLimit() {
        for (int i = 0; i < 5; i++) {
            assertThat(entry.admit(T0, 5, WINDOW)).isEqualTo(Admission.ADMITTED);
        }

        assertThat(entry.admit(T0, 5, WINDOW)).as("the sixth waits for the five").isEqualTo(Admission.BUSY);
        entry.failed(T0, 5, LOCK, MAX_LOCK);
        assertThat(entry.admit(T0, 5, WINDOW)).isEqualTo(Admission.BUSY);
        assertThat(entry.succeeded()).as("four still in progress").isFalse();
        assertThat(entry.admit(T0, 5, WINDOW)).as("a right password frees the count").isEqualTo(Admission.ADMITTED);
    }

    @Test
    void failuresOutsideTheWindowStartAFreshCount() {
        for (int i = 0; i < 4; i++) {
            fail(T0);
        }

        fail(T0.plus(WINDOW).plusSeconds(1));

        assertThat(entry.isLockedAt(T0.plus(WINDOW).plusSeconds(2))).isFalse();
    }

    @Test
    void aFailureAfterAnExpiredLockCountsFromOne() {
        for (int i = 0; i < 5; i++) {
            fail(T0);
        }
        Instant afterLock = T0.plus(LOCK).plusSeconds(1);

        fail(afterLock);

        assertThat(entry.isLockedAt(afterLock)).isFalse();
    }

    @Test
    void eachLockInARowLastsTwiceAsLongUpToTheLongest() {
        assertThat(SignInThrottleEntry.lockFor(0, LOCK, MAX_LOCK)).isEqualTo(LOCK);
        assertThat(SignInThrottleEntry.lockFor(1, LOCK, MAX_LOCK)).isEqualTo(Duration.ofMinutes(20));
        assertThat(SignInThrottleEntry.lockFor(2, LOCK, MAX_LOCK)).isEqualTo(MAX_LOCK);
        assertThat(SignInThrottleEntry.lockFor(99, LOCK, MAX_LOCK)).isEqualTo(MAX_LOCK);
    }

    @Test
    void everySpellingOfANameIsOneKey() {
        String domain = "corp.example.com";
        for (String spelling : new String[] {"alice", " Alice ", "ALICE@corp.example.com", "\uFF41\uFF4C\uFF49\uFF43\uFF45",
                "alice@CORP.EXAMPLE.COM"}) {
            assertThat(SignInThrottle.userKey(spelling, domain)).as(spelling).isEqualTo("alice");
        }
        assertThat(SignInThrottle.userKey("alice@other.example.com", domain)).isEqualTo("alice@other.example.com");
        assertThat(SignInThrottle.userKey("alice@x@corp.example.com", domain)).isEqualTo("alice@x@corp.example.com");
        assertThat(SignInThrottle.userKey("alice@corp.example.com", null)).isEqualTo("alice@corp.example.com");
    }

    @Test
    void anIpv6SourceCountsByItsNetworkAndMappedIpv4AsIpv4() {
        assertThat(SignInThrottle.sourceKey("2001:db8:1:2:aaaa:bbbb:cccc:dddd"))
                .isEqualTo(SignInThrottle.sourceKey("2001:db8:1:2::1")).isEqualTo("2001:db8:1:2:0:0:0:0/64");
        assertThat(SignInThrottle.sourceKey("::ffff:192.0.2.7")).isEqualTo("192.0.2.7");
        assertThat(SignInThrottle.sourceKey(null)).isEqualTo("unknown");
    }

    @Test
    void lockMessageRoundsUpToWholeMinutes() {
        assertThat(ThrottledAuthenticationProvider.lockedMessage(Duration.ofSeconds(61))).endsWith("2 minutes.");
        assertThat(ThrottledAuthenticationProvider.lockedMessage(Duration.ofSeconds(5))).endsWith("1 minute.");
    }
}
