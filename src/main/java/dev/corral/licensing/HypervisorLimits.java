package dev.corral.licensing;

import dev.corral.base.InvalidInputException;
import dev.corral.engine.VmSpec;
import dev.corral.hosts.HostSummary;
import dev.corral.hosts.HostTree;
import dev.corral.vms.VmSizeRules;
import java.util.Locale;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * What one VM may have on a host, by the hypervisor generation of the host's edition (Hyper-V of
 * Windows Server 2008: 4 virtual processors, 64 GiB). These are the hypervisor's own limits, so
 * they hold whatever the enforcement mode; a host whose edition the table does not know has none.
 */
@Component
class HypervisorLimits implements VmSizeRules {

    private final EditionTable table;
    private final HostTree tree;

    HypervisorLimits(EditionTable table, HostTree tree) {
        this.table = table;
        this.tree = tree;
    }

    @Override
    public void check(UUID hostId, VmSpec.Architecture architecture, VmSpec.GuestOs.Family guestFamily, int vcpus,
            long memoryMiB) {
        HostSummary host = hostId == null ? null : tree.host(hostId).orElse(null);
        Edition edition = host == null ? null : table.find(host.edition()).orElse(null);
        if (edition == null) {
            return;
        }
        HypervisorGeneration generation = edition.generation();
        if (vcpus > generation.maxVcpusPerVm()) {
            throw new InvalidInputException("vcpus", host.name() + " runs " + generation.title() + ", which gives a VM at most "
                    + generation.maxVcpusPerVm() + " virtual processor" + (generation.maxVcpusPerVm() == 1 ? "" : "s") + ".");
        }
        if (memoryMiB > generation.maxMemoryPerVmMiB()) {
            throw new InvalidInputException("memoryMiB", host.name() + " runs " + generation.title()
                    + ", which gives a VM at most " + gib(generation.maxMemoryPerVmGiB()) + " of memory ("
                    + String.format(Locale.ROOT, "%,d", generation.maxMemoryPerVmMiB()) + " MiB).");
        }
    }

    /** "64 GiB", "12 TiB". */
    static String gib(long gib) {
        return gib >= 1024 && gib % 1024 == 0 ? gib / 1024 + " TiB" : gib + " GiB";
    }
}
