package dev.corral.hosts;

import java.util.UUID;

/** A request to register a host, as the dialog or {@code POST /api/v1/hosts} sends it. */
public record NewHost(String name, String uri, UUID hostGroupId, String edition, Integer licenceCount, String cluster) {

    HostSettings settings() {
        return new HostSettings(edition, licenceCount, cluster);
    }
}
