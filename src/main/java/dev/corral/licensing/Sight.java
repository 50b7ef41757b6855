package dev.corral.licensing;

import dev.corral.access.AccessPolicy.Visibility;
import dev.corral.hosts.HostSummary;
import java.util.Set;
import java.util.UUID;

/**
 * What the caller may see, by the rule of the VM list: a VM under a full grant on its host or
 * host group, one granted by itself, or one the caller owns under an owned-only grant; never one
 * under No Access. Licensing counts every VM on a host but names only those the caller sees.
 */
record Sight(Visibility visibility) {

    boolean host(HostSummary host) {
        Visibility v = visibility;
        boolean granted = v.everything() || on(host, v.hostGroups(), v.hosts()) || on(host, v.ownedOnlyHostGroups(), v.ownedOnlyHosts());
        return granted && !on(host, v.deniedHostGroups(), v.deniedHosts());
    }

    /** @param host the VM's host; null when it is no longer registered, so only a grant of the VM itself shows it */
    boolean vm(UUID vmId, HostSummary host, String owner) {
        Visibility v = visibility;
        if (v.deniedVms().contains(vmId) || host != null && on(host, v.deniedHostGroups(), v.deniedHosts())) {
            return false;
        }
        if (v.everything() || v.vms().contains(vmId)) {
            return true;
        }
        if (host == null) {
            return false;
        }
        return on(host, v.hostGroups(), v.hosts())
                || on(host, v.ownedOnlyHostGroups(), v.ownedOnlyHosts()) && owner != null && owner.equalsIgnoreCase(v.user());
    }

    private static boolean on(HostSummary host, Set<UUID> groups, Set<UUID> hosts) {
        return groups.contains(host.hostGroupId()) || hosts.contains(host.id());
    }
}
