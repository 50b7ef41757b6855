package dev.corral.hosts;

import java.time.Instant;
import java.util.UUID;

/** One line of the Hosts view: the host, where it sits, and whether it answers. */
public record HostRow(UUID id, String name, String hostGroup, String uri, String edition, String cluster,
        Boolean reachable, Instant lastContact, String problem) {
}
