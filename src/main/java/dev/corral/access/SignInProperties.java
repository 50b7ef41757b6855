package dev.corral.access;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Throttling of failed sign-ins per directory user and source address.
 *
 * @param maxFailures    failures within the window that lock the user from that address
 * @param windowMinutes  how far back failures count
 * @param lockMinutes    how long the first lock lasts; each further lock in a row lasts twice as long
 * @param maxLockMinutes the longest a lock lasts, however many came before
 */
@Validated
@ConfigurationProperties("corral.sign-in")
public record SignInProperties(@Min(1) int maxFailures, @Min(1) int windowMinutes, @Min(1) int lockMinutes,
        @Min(1) int maxLockMinutes) {

    public SignInProperties {
        maxFailures = maxFailures == 0 ? 5 : maxFailures;
        windowMinutes = windowMinutes == 0 ? 15 : windowMinutes;
        lockMinutes = lockMinutes == 0 ? 15 : lockMinutes;
        maxLockMinutes = maxLockMinutes == 0 ? 24 * 60 : maxLockMinutes;
    }

    Duration window() {
        return Duration.ofMinutes(windowMinutes);
    }

    Duration lock() {
        return Duration.ofMinutes(lockMinutes);
    }

    Duration maxLock() {
        return Duration.ofMinutes(maxLockMinutes);
    }
}
