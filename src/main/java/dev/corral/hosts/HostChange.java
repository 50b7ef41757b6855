package dev.corral.hosts;

import java.util.UUID;

/** A host's settings and host group as they should be after a change (the whole state, not a difference). */
public record HostChange(UUID hostGroupId, String edition, Integer licenceCount, String cluster) {

    HostSettings settings() {
        return new HostSettings(edition, licenceCount, cluster);
    }
}
