package dev.corral.network;

import dev.corral.engine.VirtualSwitch;
import java.util.UUID;

/**
 * A switch to create: its host, name and kind; an external switch's physical Ethernet adapter;
 * the VLANs it carries as written ("10, 20, 100-110"; nothing for any). Binding it to the host's
 * management adapter needs {@code confirmManagementAdapter}.
 */
public record NewSwitch(UUID hostId, String name, VirtualSwitch.Kind kind, String physicalAdapter, String allowedVlans,
        Boolean confirmManagementAdapter) {

    boolean confirmed() {
        return Boolean.TRUE.equals(confirmManagementAdapter);
    }
}
