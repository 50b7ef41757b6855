package dev.corral.network;

import dev.corral.engine.HostFacts;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A host's physical network adapters as Corral last read them, which one is its management
 * adapter, and what an administrator should know about them.
 *
 * @param managementAdapter the adapter recorded as the host's management adapter, or null
 * @param warnings          sentences such as "External switch LAN is bound to eth0, the management adapter…"
 * @param mayManage         whether the caller holds network.manage on the host
 */
public record HostAdapters(UUID hostId, String hostName, String hostGroup, String managementAdapter,
        List<Adapter> adapters, Instant readAt, String readProblem, List<String> warnings, boolean mayManage) {

    /**
     * One physical adapter.
     *
     * @param backs the external switch bound to it, or null
     */
    public record Adapter(String name, String mac, HostFacts.PhysicalAdapter.Medium medium, long speedMbps,
            boolean management, String backs) {
    }
}
