package dev.corral.vms;

import dev.corral.access.AccessPolicy;
import dev.corral.access.NotPermittedException;
import dev.corral.access.Permission;
import dev.corral.access.Scope;
import dev.corral.hosts.HostSummary;
import dev.corral.hosts.HostTree;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Finds a VM the caller may see; one the caller may not see is as unknown as one that does not exist. */
@Component
class VmLookup {

    private final VmRepository vms;
    private final HostTree tree;
    private final AccessPolicy policy;

    VmLookup(VmRepository vms, HostTree tree, AccessPolicy policy) {
        this.vms = vms;
        this.tree = tree;
        this.policy = policy;
    }

    Vm visible(UUID id) {
        Vm vm = vms.findById(id).orElseThrow(() -> new VmNotFoundException("There is no VM " + id + "."));
        try {
            policy.require(Permission.INVENTORY_VIEW, Scope.vm(id));
        } catch (NotPermittedException | dev.corral.access.HiddenObjectException hidden) {
            // The same words for a VM that does not exist and one the caller may not see.
            throw new VmNotFoundException("There is no VM " + id + ".");
        }
        return vm;
    }

    HostSummary hostOf(Vm vm) {
        return tree.host(vm.hostId()).orElseThrow();
    }
}
