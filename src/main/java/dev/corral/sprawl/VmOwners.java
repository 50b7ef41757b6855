package dev.corral.sprawl;

import dev.corral.engine.VmState;
import dev.corral.vms.VmInventory;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;

/** The VMs the caller may see, by owner: how many, how big, how many run, and their leases. */
@Service
public class VmOwners {

    static final String NONE = "(no owner)";

    private final VmInventory inventory;
    private final Clock clock;

    VmOwners(VmInventory inventory, Clock clock) {
        this.inventory = inventory;
        this.clock = clock;
    }

    /** One owner's VMs. */
    public record Owner(String owner, int vms, int running, long vcpus, long memoryMiB, int leased, int leasesEnded) {
    }

    /** Every owner of a VM the caller may see, most VMs first. */
    public List<Owner> owners() {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        Map<String, Owner> owners = new HashMap<>();
        for (VmInventory.Entry vm : inventory.visible()) {
            String name = vm.owner() == null || vm.owner().isBlank() ? NONE : vm.owner();
            boolean ended = vm.lease() != null && today.isAfter(vm.lease().expires());
            Owner one = new Owner(name, 1, vm.state() == VmState.RUNNING ? 1 : 0, vm.vcpus(), vm.memoryMiB(),
                    vm.lease() == null ? 0 : 1, ended ? 1 : 0);
            owners.merge(name.toLowerCase(Locale.ROOT), one, (a, b) -> new Owner(a.owner(), a.vms() + b.vms(),
                    a.running() + b.running(), a.vcpus() + b.vcpus(), a.memoryMiB() + b.memoryMiB(), a.leased() + b.leased(),
                    a.leasesEnded() + b.leasesEnded()));
        }
        return owners.values().stream().sorted(Comparator.comparingInt(Owner::vms).reversed()
                .thenComparing(Owner::owner, String.CASE_INSENSITIVE_ORDER)).toList();
    }
}
