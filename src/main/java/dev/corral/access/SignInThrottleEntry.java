package dev.corral.access;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;

/**
 * Failed sign-ins of one user name. Kept in the database, not in memory, so a lock holds across
 * a restart and across several Corral nodes sharing one database.
 */
@Entity
@Table(name = "sign_in_throttle")
class SignInThrottleEntry {

    @Id
    @Column(name = "user_name", length = 256)
    private String userName;

    @Column(name = "failures", nullable = false)
    private int failures;

    @Column(name = "first_failure_at", nullable = false)
    private Instant firstFailureAt;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    @Version
    private long version;

    protected SignInThrottleEntry() {
    }

    SignInThrottleEntry(String userName, Instant now) {
        this.userName = userName;
        this.firstFailureAt = now;
    }

    boolean isLockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    Instant lockedUntil() {
        return lockedUntil;
    }

    /** Counts a failure; locks the name once the failures within the window reach the limit. */
    void recordFailure(Instant now, int maxFailures, Duration window, Duration lock) {
        boolean windowOver = now.isAfter(firstFailureAt.plus(window));
        boolean lockOver = lockedUntil != null && !now.isBefore(lockedUntil);
        if (windowOver || lockOver) {
            failures = 0;
            firstFailureAt = now;
            lockedUntil = null;
        }
        failures++;
        if (failures >= maxFailures) {
            lockedUntil = now.plus(lock);
        }
    }
}
