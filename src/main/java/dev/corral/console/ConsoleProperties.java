package dev.corral.console;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How VM consoles behave.
 *
 * @param ticketLifetime     how long a ticket from {@code POST /api/v1/vms/{id}/console} may wait for its WebSocket
 * @param idleTimeout        a session without a key press or pointer movement for this long is closed
 * @param secondViewer       what a second viewer of the same VM does: share the screen, or take it over (the
 *                           first is told who took it)
 * @param maxSessionsPerUser open console sessions one user may hold at once, over all VMs
 * @param recheckInterval    how often an open session's right is read again (assignments, account disabled)
 * @param allowedOrigins     origins ({@code https://portal.example.com}) besides Corral's own whose pages may open a
 *                           console WebSocket
 */
@ConfigurationProperties("corral.console")
public record ConsoleProperties(Duration ticketLifetime, Duration idleTimeout, SecondViewer secondViewer,
        Integer maxSessionsPerUser, Duration recheckInterval, List<String> allowedOrigins) {

    public enum SecondViewer { SHARE, TAKE_OVER }

    public ConsoleProperties {
        ticketLifetime = ticketLifetime == null ? Duration.ofSeconds(30) : ticketLifetime;
        idleTimeout = idleTimeout == null ? Duration.ofMinutes(15) : idleTimeout;
        secondViewer = secondViewer == null ? SecondViewer.SHARE : secondViewer;
        maxSessionsPerUser = maxSessionsPerUser == null ? 4 : maxSessionsPerUser;
        recheckInterval = recheckInterval == null ? Duration.ofSeconds(10) : recheckInterval;
        allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
        if (ticketLifetime.isNegative() || ticketLifetime.isZero() || idleTimeout.isNegative() || idleTimeout.isZero()
                || recheckInterval.isNegative() || recheckInterval.isZero()) {
            throw new IllegalArgumentException("corral.console: ticket-lifetime, idle-timeout and recheck-interval must be positive");
        }
        if (maxSessionsPerUser < 1) {
            throw new IllegalArgumentException("corral.console.max-sessions-per-user must be at least 1, not " + maxSessionsPerUser);
        }
    }
}
