package dev.corral.sprawl;

import dev.corral.access.AccessPolicy;
import dev.corral.access.Permission;
import dev.corral.access.Scope;
import dev.corral.hosts.HostSummary;
import dev.corral.hosts.HostTree;
import dev.corral.vms.VmInventory;
import dev.corral.vms.VmLease;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** What owners are told in the console: their VMs whose lease ends within {@code corral.sprawl.lease-notice-days}, or has ended. */
@Service
public class LeaseNotices {

    private final VmInventory inventory;
    private final HostTree tree;
    private final AccessPolicy policy;
    private final SprawlProperties properties;
    private final Clock clock;

    LeaseNotices(VmInventory inventory, HostTree tree, AccessPolicy policy, SprawlProperties properties, Clock clock) {
        this.inventory = inventory;
        this.tree = tree;
        this.policy = policy;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * One of the caller's VMs whose lease ends soon.
     *
     * @param daysLeft days until the lease's last day (0: it ends today; negative: it has ended)
     */
    public record Expiring(UUID vmId, String name, String hostName, LocalDate expires, VmLease.Action action, long daysLeft) {

        /** "ends in 3 days", "ends today", "ended 2 days ago". */
        public String when() {
            if (daysLeft == 0) {
                return "ends today";
            }
            long n = Math.abs(daysLeft);
            String days = n == 1 ? "1 day" : n + " days";
            return daysLeft > 0 ? "ends in " + days : "ended " + days + " ago";
        }
    }

    /** How many days ahead owners are told. */
    public int noticeDays() {
        return properties.leaseNoticeDays();
    }

    /** The caller's VMs (that they may see) whose lease ends within the notice period or has ended, soonest first. */
    public List<Expiring> forCaller() {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        LocalDate horizon = today.plusDays(properties.leaseNoticeDays());
        return inventory.ownedByCaller().stream()
                .filter(vm -> vm.lease() != null && !vm.lease().expires().isAfter(horizon))
                .filter(vm -> policy.allows(Permission.INVENTORY_VIEW, Scope.vm(vm.id())))
                .map(vm -> new Expiring(vm.id(), vm.name(), tree.host(vm.hostId()).map(HostSummary::name).orElse("?"),
                        vm.lease().expires(), vm.lease().action(), ChronoUnit.DAYS.between(today, vm.lease().expires())))
                .sorted(Comparator.comparing(Expiring::expires).thenComparing(Expiring::name))
                .toList();
    }
}
