package dev.corral.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Counts failed sign-ins per user name and locks a name that fails too often. */
@Service
class SignInThrottle {

    /** Longer names are never valid directory names; they are refused before any lookup. */
    static final int MAX_NAME_LENGTH = 256;

    private final SignInThrottleRepository repository;
    private final SignInProperties properties;
    private final Clock clock;

    SignInThrottle(SignInThrottleRepository repository, SignInProperties properties, Clock clock) {
        this.repository = repository;
        this.properties = properties;
        this.clock = clock;
    }

    /** When the name is locked, how long it stays locked. */
    @Transactional(readOnly = true)
    Optional<Duration> remainingLock(String userName) {
        Instant now = clock.instant();
        return repository.findById(key(userName))
                .filter(entry -> entry.isLockedAt(now))
                .map(entry -> Duration.between(now, entry.lockedUntil()));
    }

    @Transactional
    void recordFailure(String userName) {
        Instant now = clock.instant();
        String key = key(userName);
        SignInThrottleEntry entry = repository.findById(key).orElseGet(() -> new SignInThrottleEntry(key, now));
        entry.recordFailure(now, properties.maxFailures(), properties.window(), properties.lock());
        repository.save(entry);
    }

    @Transactional
    void recordSuccess(String userName) {
        repository.deleteById(key(userName));
    }

    static String key(String userName) {
        return userName.strip().toLowerCase(Locale.ROOT);
    }
}
