package dev.corral.hosts;

import java.util.UUID;

/** A host group as other features see it; {@code path} reads like "HQ / Rack 3". */
public record HostGroupSummary(UUID id, String name, UUID parentId, String path) {
}
