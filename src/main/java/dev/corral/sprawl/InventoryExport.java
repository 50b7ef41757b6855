package dev.corral.sprawl;

import dev.corral.access.AccessPolicy;
import dev.corral.access.Permission;
import dev.corral.base.Csv;
import dev.corral.hosts.HostGroupSummary;
import dev.corral.hosts.HostSummary;
import dev.corral.hosts.HostTree;
import dev.corral.vms.VmInventory;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * The inventory the caller may see, as CSV: where each VM runs, who owns it and why it exists, who
 * created it and when, its lease, state and tags. Cells a spreadsheet would run as formulas are
 * neutralised.
 */
@Service
public class InventoryExport {

    static final List<String> COLUMNS = List.of("name", "host", "host group", "owner", "purpose", "state", "state since",
            "vcpus", "memory MiB", "storage GiB", "guest", "created by", "created at", "lease ends", "lease action", "tags",
            "id");

    private final VmInventory inventory;
    private final HostTree tree;
    private final AccessPolicy policy;

    InventoryExport(VmInventory inventory, HostTree tree, AccessPolicy policy) {
        this.inventory = inventory;
        this.tree = tree;
        this.policy = policy;
    }

    /** Whether the caller holds reports.view somewhere, so that the console offers the exports. */
    public boolean mayExport() {
        return !policy.visibility(Permission.REPORTS_VIEW).nowhere();
    }

    /** Refused (and audited) unless the caller holds reports.view somewhere; rows only where they hold it and see the VM. */
    public String csv() {
        AccessPolicy.Visibility reports = policy.requireSomewhere(Permission.REPORTS_VIEW, "inventory.export");
        Map<UUID, HostSummary> hosts = tree.hosts().stream().collect(Collectors.toMap(HostSummary::id, Function.identity()));
        List<VmInventory.Entry> vms = inventory.visible().stream().filter(vm -> {
            HostSummary host = hosts.get(vm.hostId());
            return reports.vm(vm.id(), vm.hostId(), host == null ? null : host.hostGroupId(), vm.owner());
        }).toList();
        Map<UUID, Map<String, String>> tags = inventory.tags(vms.stream().map(VmInventory.Entry::id).toList());
        Map<UUID, String> groups = tree.groups().stream().collect(Collectors.toMap(HostGroupSummary::id, HostGroupSummary::path));
        StringBuilder csv = new StringBuilder(Csv.row(COLUMNS));
        vms.stream().sorted(Comparator.comparing((VmInventory.Entry vm) -> host(hosts, vm.hostId()))
                .thenComparing(VmInventory.Entry::name, String.CASE_INSENSITIVE_ORDER)).forEach(vm -> {
                    HostSummary host = hosts.get(vm.hostId());
                    csv.append(Csv.row(java.util.Arrays.asList(vm.name(), host == null ? "" : host.name(),
                            host == null ? "" : groups.getOrDefault(host.hostGroupId(), ""), vm.owner(), vm.purpose(),
                            vm.state().name().toLowerCase(Locale.ROOT), vm.stateSince(), vm.vcpus(), vm.memoryMiB(),
                            vm.storageGiB(), vm.guestFamily().toLowerCase(Locale.ROOT), vm.createdBy(), vm.createdAt(),
                            vm.lease() == null ? null : vm.lease().expires(),
                            vm.lease() == null ? null : vm.lease().action().name().toLowerCase(Locale.ROOT),
                            dev.corral.vms.VmTags.format(tags.getOrDefault(vm.id(), Map.of())), vm.id())));
                });
        return csv.toString();
    }

    private static String host(Map<UUID, HostSummary> hosts, UUID id) {
        HostSummary host = hosts.get(id);
        return host == null ? "" : host.name();
    }
}
