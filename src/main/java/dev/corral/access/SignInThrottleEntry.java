package dev.corral.access;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import org.springframework.data.domain.Persistable;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Sign-in attempts of one user from one source address. Kept in the database, not in memory, so
 * a lock holds across a restart and across several Corral nodes sharing one database; always read
 * under a row lock, so two attempts never both see the same count.
 */
@Entity
@Table(name = "sign_in_throttle")
class SignInThrottleEntry implements Persistable<SignInThrottleEntry.Key> {

    /** Whether an attempt may ask the directory now. */
    enum Admission { ADMITTED, LOCKED, BUSY }

    @EmbeddedId
    private Key key;

    /** Wrong passwords within the window. */
    @Column(name = "failures", nullable = false)
    private int failures;

    /** Attempts admitted whose answer is not known yet: they may all be wrong. */
    @Column(name = "pending", nullable = false)
    private int pending;

    @Column(name = "window_start", nullable = false)
    private Instant windowStart;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    /** Lock-outs in a row (none since the last successful sign-in): each lasts twice as long. */
    @Column(name = "locks", nullable = false)
    private int locks;

    // A new entry is inserted, never merged: merging would read and overwrite a row another attempt
    // has just inserted, losing its count; an insert fails on the key instead and is run again.
    @Transient
    private boolean isNew;

    protected SignInThrottleEntry() {
    }

    SignInThrottleEntry(Key key, Instant now) {
        this.key = key;
        this.windowStart = now;
        this.isNew = true;
    }

    @Override
    public Key getId() {
        return key;
    }

    @Override
    public boolean isNew() {
        return isNew;
    }

    @PostPersist
    @PostLoad
    void stored() {
        isNew = false;
    }

    boolean isLockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    Instant lockedUntil() {
        return lockedUntil;
    }

    /**
     * Admits an attempt while wrong answers so far plus those still pending stay below the limit:
     * a burst of parallel guesses gets at most {@code maxFailures} evaluated. When the limit is
     * reached by pending attempts only, the caller waits for them ({@link Admission#BUSY}).
     */
    Admission admit(Instant now, int maxFailures, Duration window) {
        startAgainIfOver(now, window);
        if (isLockedAt(now)) {
            return Admission.LOCKED;
        }
        if (failures + pending >= maxFailures) {
            return Admission.BUSY;
        }
        pending++;
        return Admission.ADMITTED;
    }

    /** A wrong password: counted, and at the limit the pair is locked, each lock twice the last. */
    void failed(Instant now, int maxFailures, Duration lock, Duration maxLock) {
        pending = Math.max(0, pending - 1);
        failures++;
        if (failures >= maxFailures && !isLockedAt(now)) {
            lockedUntil = now.plus(lockFor(locks, lock, maxLock));
            locks++;
        }
    }

    /** A successful sign-in: the count and the doubling start again. True when nothing is left to keep. */
    boolean succeeded() {
        pending = Math.max(0, pending - 1);
        failures = 0;
        locks = 0;
        lockedUntil = null;
        return pending == 0;
    }

    /** An attempt that got no answer (the directory was unreachable): it counts neither way. */
    void abandoned() {
        pending = Math.max(0, pending - 1);
    }

    static Duration lockFor(int previousLocks, Duration lock, Duration maxLock) {
        Duration longest = maxLock.compareTo(lock) < 0 ? lock : maxLock;
        Duration doubled = lock.multipliedBy(1L << Math.min(previousLocks, 20));
        return doubled.compareTo(longest) > 0 ? longest : doubled;
    }

    // A window with no lock ends after its length; a lock ends at its time. Counts in progress
    // are forgotten too: an attempt a crashed node never finished must not hold its place forever.
    private void startAgainIfOver(Instant now, Duration window) {
        boolean lockOver = lockedUntil != null && !now.isBefore(lockedUntil);
        boolean windowOver = lockedUntil == null && now.isAfter(windowStart.plus(window));
        if (lockOver || windowOver) {
            failures = 0;
            pending = 0;
            lockedUntil = null;
            windowStart = now;
        }
    }

    /** The pair counted: the directory's user name (canonical) and the source address. */
    @Embeddable
    static class Key implements Serializable {

        @Column(name = "user_name", length = 256, nullable = false)
        private String userName;

        @Column(name = "source_address", length = 64, nullable = false)
        private String sourceAddress;

        protected Key() {
        }

        Key(String userName, String sourceAddress) {
            this.userName = userName;
            this.sourceAddress = sourceAddress;
        }

        String userName() {
            return userName;
        }

        String sourceAddress() {
            return sourceAddress;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.userName.equals(userName) && key.sourceAddress.equals(sourceAddress);
        }

        @Override
        public int hashCode() {
            return Objects.hash(userName, sourceAddress);
        }

        @Override
        public String toString() {
            return userName + " from " + sourceAddress;
        }
    }
}
