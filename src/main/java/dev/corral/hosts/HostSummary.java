package dev.corral.hosts;

import java.util.UUID;

/** A host as other features see it. */
public record HostSummary(UUID id, String name, String uri, UUID hostGroupId, String edition, String cluster) {
}
