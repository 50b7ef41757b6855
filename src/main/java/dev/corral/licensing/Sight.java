package dev.corral.licensing;

import dev.corral.access.AccessPolicy.Visibility;
import dev.corral.hosts.HostSummary;
import java.util.UUID;

/**
 * What the caller may see, by the rule of the VM list: a VM under a full grant on its host or
 * host group, one granted by itself, or one the caller owns under an owned-only grant; never one
 * under No Access. Licensing counts every VM on a host but names only those the caller sees.
 */
record Sight(Visibility visibility) {

    boolean host(HostSummary host) {
        return visibility.host(host.id(), host.hostGroupId());
    }

    /** @param host the VM's host; null when it is no longer registered, so only a grant of the VM itself shows it */
    boolean vm(UUID vmId, HostSummary host, String owner) {
        return visibility.vm(vmId, host == null ? null : host.id(), host == null ? null : host.hostGroupId(), owner);
    }
}
