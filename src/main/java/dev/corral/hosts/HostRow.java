package dev.corral.hosts;

import java.time.Instant;
import java.util.UUID;

/** One line of the Hosts view: the host, where it sits, whether it answers, whether it is in maintenance mode. */
public record HostRow(UUID id, String name, String hostGroup, String uri, String edition, String cluster,
        Boolean reachable, Instant lastContact, String problem, boolean maintenance) {
}
