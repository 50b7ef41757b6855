package dev.corral.engine;

import java.util.List;
import java.util.UUID;

/**
 * A VM as its host reports it.
 *
 * @param id the hypervisor's domain UUID
 */
public record VmInfo(UUID id, VmSpec spec, VmState state, List<IntegrationStatus> integration) {

    public VmInfo {
        integration = List.copyOf(integration);
    }

    public String name() {
        return spec.name();
    }

    /** One integration service of a running VM, and whether the guest answers through it. */
    public record IntegrationStatus(IntegrationService service, boolean enabled, Status status) {
        public enum Status { OK, NO_CONTACT, NOT_RUNNING, DISABLED, NOT_REPORTED }
    }
}
