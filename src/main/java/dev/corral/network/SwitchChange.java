package dev.corral.network;

/**
 * A change to a switch: the VLANs it carries as written ("10, 20, 100-110"; an empty text for any
 * VLAN) and, for an external switch, the physical adapter it is bound to. A null leaves that as it
 * is. Binding it to the host's management adapter needs {@code confirmManagementAdapter}.
 */
public record SwitchChange(String physicalAdapter, String allowedVlans, Boolean confirmManagementAdapter) {

    boolean confirmed() {
        return Boolean.TRUE.equals(confirmManagementAdapter);
    }
}
