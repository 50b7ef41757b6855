package dev.corral.access;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Throttling of failed sign-ins per user name.
 *
 * @param maxFailures   failures within the window that lock the name
 * @param windowMinutes how far back failures count
 * @param lockMinutes   how long a locked name stays locked
 */
@Validated
@ConfigurationProperties("corral.sign-in")
public record SignInProperties(@Min(1) int maxFailures, @Min(1) int windowMinutes, @Min(1) int lockMinutes) {

    public SignInProperties {
        maxFailures = maxFailures == 0 ? 5 : maxFailures;
        windowMinutes = windowMinutes == 0 ? 15 : windowMinutes;
        lockMinutes = lockMinutes == 0 ? 15 : lockMinutes;
    }

    Duration window() {
        return Duration.ofMinutes(windowMinutes);
    }

    Duration lock() {
        return Duration.ofMinutes(lockMinutes);
    }
}
