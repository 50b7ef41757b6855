package dev.corral.hosts;

import java.util.UUID;

/** A host as other features see it. */
public record HostSummary(UUID id, String name, String uri, UUID hostGroupId, String edition, String cluster) {

    /** The same host without its engine URI, for callers who do not manage it. */
    public HostSummary withoutUri() {
        return new HostSummary(id, name, null, hostGroupId, edition, cluster);
    }
}
