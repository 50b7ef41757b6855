package dev.corral.hosts;

import dev.corral.engine.HostFacts;
import java.util.List;

/**
 * One host as its page and {@code GET /api/v1/hosts/{id}} show it.
 *
 * @param facts        what the host reports now, or null when it does not answer ({@code factsProblem} says why)
 * @param requirements the hypervisor's requirements, each met, not met, or unknown (null) without facts
 * @param vms          the VMs registered on the host that the caller may see
 * @param maintenance  whether the host is in maintenance mode, receiving no new or migrated VMs
 */
public record HostDetails(HostSummary host, String hostGroupPath, Integer licenceCount, HostFacts facts,
        String factsProblem, List<MissingCapability> missingCapabilities, List<RequirementCheck> requirements,
        HostAllocation.Allocation allocation, HostHealth.Status health, List<HostAllocation.HostedVm> vms,
        boolean maintenance) {

    /** Something the host's hypervisor cannot do, with the reason a user is shown. */
    public record MissingCapability(String capability, String reason) {
    }

    /** A requirement of the hypervisor; {@code met} is null when the host did not answer. */
    public record RequirementCheck(String requirement, Boolean met, String sentence) {
    }
}
