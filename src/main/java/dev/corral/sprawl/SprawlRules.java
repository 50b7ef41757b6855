package dev.corral.sprawl;

import dev.corral.access.DirectoryAccounts;
import dev.corral.engine.SnapshotInfo;
import dev.corral.engine.VmInfo;
import dev.corral.engine.VmState;
import dev.corral.hosts.HostAllocation;
import dev.corral.hosts.HostHealth;
import dev.corral.vms.VmInventory;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The sprawl rules, pure: from the inventory, what the hosts said and the directory's answers, the
 * observations of one scan. No database, no engine, no clock but the one passed in.
 */
final class SprawlRules {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private final SprawlProperties limits;
    private final Instant now;
    private final LocalDate today;

    SprawlRules(SprawlProperties limits, Instant now) {
        this.limits = limits;
        this.now = now;
        this.today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    }

    /**
     * VMs on hosts that the inventory does not have, and VMs of the inventory that their host, which
     * answered, no longer has (nor any other host: a VM in the middle of a migration is not missing).
     * A host that did not answer says nothing either way.
     */
    List<Observation> reconcile(Collection<VmInventory.Entry> inventory, Collection<HostReport> reports) {
        Set<UUID> registered = new HashSet<>();
        inventory.forEach(vm -> registered.add(vm.id()));
        Set<UUID> live = new HashSet<>();
        Map<UUID, HostReport> byHost = new java.util.HashMap<>();
        for (HostReport report : reports) {
            byHost.put(report.hostId(), report);
            report.vms().forEach(vm -> live.add(vm.id()));
        }
        List<Observation> found = new ArrayList<>();
        for (HostReport report : reports) {
            if (!report.answered()) {
                continue;
            }
            for (VmInfo vm : report.vms()) {
                if (!registered.contains(vm.id())) {
                    found.add(new Observation(FindingKind.UNMANAGED, report.hostId() + "/" + vm.id(), vm.name(), vm.id(),
                            report.hostId(), null, unmanaged(report.hostName(), vm), null));
                }
            }
        }
        for (VmInventory.Entry vm : inventory) {
            HostReport report = byHost.get(vm.hostId());
            if (report != null && report.answered() && !live.contains(vm.id())) {
                found.add(observe(FindingKind.MISSING, vm, "In the inventory on " + report.hostName() + ", but "
                        + report.hostName() + " no longer has it.", null));
            }
        }
        return found;
    }

    private static String unmanaged(String hostName, VmInfo vm) {
        return "On " + hostName + " but not in the inventory: " + vm.spec().vcpus() + " vCPU"
                + (vm.spec().vcpus() == 1 ? "" : "s") + ", " + gib(vm.spec().memoryMiB()) + ", "
                + vm.spec().guestOs().name() + ", " + vm.state().name().toLowerCase(Locale.ROOT) + ".";
    }

    /** VMs whose lease ended before today (a lease's end date is its last day). */
    List<Observation> expiredLeases(Collection<VmInventory.Entry> inventory) {
        List<Observation> found = new ArrayList<>();
        for (VmInventory.Entry vm : inventory) {
            if (vm.lease() != null && today.isAfter(vm.lease().expires())) {
                Instant ended = vm.lease().expires().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
                found.add(observe(FindingKind.LEASE_EXPIRED, vm, "The lease ended on " + vm.lease().expires()
                        + "; then: " + vm.lease().action().label().toLowerCase(Locale.ROOT) + ".", ended));
            }
        }
        return found;
    }

    /** VMs off or saved for longer than the threshold, or running with a silent guest for longer than its threshold. */
    List<Observation> idle(Collection<VmInventory.Entry> inventory) {
        List<Observation> found = new ArrayList<>();
        Duration off = Duration.ofDays(limits.idleOffDays());
        Duration silent = Duration.ofDays(limits.idleNoHeartbeatDays());
        for (VmInventory.Entry vm : inventory) {
            boolean stopped = vm.state() == VmState.OFF || vm.state() == VmState.SAVED;
            if (stopped && vm.stateSince() != null && Duration.between(vm.stateSince(), now).compareTo(off) > 0) {
                found.add(observe(FindingKind.IDLE, vm, (vm.state() == VmState.OFF ? "Off" : "Saved") + " since "
                        + DAY.format(vm.stateSince()) + " (" + days(vm.stateSince()) + "), longer than "
                        + limits.idleOffDays() + " days.", vm.stateSince()));
            } else if (vm.state() == VmState.RUNNING && vm.heartbeatLostSince() != null
                    && Duration.between(vm.heartbeatLostSince(), now).compareTo(silent) > 0) {
                found.add(observe(FindingKind.IDLE, vm, "Running, but its guest has not answered the heartbeat since "
                        + DAY.format(vm.heartbeatLostSince()) + " (" + days(vm.heartbeatLostSince()) + "), longer than "
                        + limits.idleNoHeartbeatDays() + " days.", vm.heartbeatLostSince()));
            }
        }
        return found;
    }

    /** VMs with no owner, or one the directory no longer has or has disabled. */
    List<Observation> orphanedOwners(Collection<VmInventory.Entry> inventory, Map<String, DirectoryAccounts.Status> accounts) {
        List<Observation> found = new ArrayList<>();
        for (VmInventory.Entry vm : inventory) {
            if (vm.owner() == null || vm.owner().isBlank()) {
                found.add(observe(FindingKind.ORPHANED_OWNER, vm, "It has no owner.", null));
                continue;
            }
            DirectoryAccounts.Status status = accounts.get(vm.owner().strip().toLowerCase(Locale.ROOT));
            if (status == DirectoryAccounts.Status.MISSING) {
                found.add(observe(FindingKind.ORPHANED_OWNER, vm, "Its owner " + vm.owner()
                        + " is no longer in the directory.", null));
            } else if (status == DirectoryAccounts.Status.DISABLED) {
                found.add(observe(FindingKind.ORPHANED_OWNER, vm, "Its owner " + vm.owner()
                        + "'s account is disabled in the directory.", null));
            }
        }
        return found;
    }

    /** Snapshots of registered VMs older than the threshold, on the hosts that answered. */
    List<Observation> oldSnapshots(Collection<VmInventory.Entry> inventory, Collection<HostReport> reports) {
        Map<UUID, VmInventory.Entry> byId = new java.util.HashMap<>();
        inventory.forEach(vm -> byId.put(vm.id(), vm));
        Duration limit = Duration.ofDays(limits.snapshotMaxAgeDays());
        List<Observation> found = new ArrayList<>();
        for (HostReport report : reports) {
            report.snapshots().forEach((vmId, snapshots) -> {
                VmInventory.Entry vm = byId.get(vmId);
                if (vm == null) {
                    return;
                }
                for (SnapshotInfo snapshot : snapshots) {
                    if (snapshot.createdAt() != null && Duration.between(snapshot.createdAt(), now).compareTo(limit) > 0) {
                        found.add(new Observation(FindingKind.OLD_SNAPSHOT, vm.id() + "/" + snapshot.id(),
                                vm.name() + " › " + snapshot.name(), vm.id(), report.hostId(), vm.owner(),
                                "Snapshot " + snapshot.name() + " of " + vm.name() + " was taken on "
                                        + DAY.format(snapshot.createdAt()) + " (" + days(snapshot.createdAt())
                                        + "), longer ago than " + limits.snapshotMaxAgeDays() + " days.",
                                snapshot.createdAt()));
                    }
                }
            });
        }
        return found;
    }

    /** Hosts whose VMs are given more memory or processors than the ratios allow. */
    List<Observation> overcommitted(Map<UUID, String> hostNames, Map<UUID, HostHealth.Capacity> capacities,
            Map<UUID, HostAllocation.Allocation> allocations) {
        List<Observation> found = new ArrayList<>();
        hostNames.forEach((hostId, name) -> {
            HostHealth.Capacity capacity = capacities.get(hostId);
            HostAllocation.Allocation allocation = allocations.get(hostId);
            if (capacity == null || allocation == null || capacity.memoryMiB() <= 0 || capacity.logicalProcessors() <= 0) {
                return;
            }
            double memory = (double) allocation.memoryMiB() / capacity.memoryMiB();
            double vcpus = (double) allocation.vcpus() / capacity.logicalProcessors();
            List<String> over = new ArrayList<>();
            if (memory > limits.memoryOvercommitRatio()) {
                over.add(gib(allocation.memoryMiB()) + " of " + gib(capacity.memoryMiB()) + " memory (ratio "
                        + ratio(memory) + ", limit " + ratio(limits.memoryOvercommitRatio()) + ")");
            }
            if (vcpus > limits.vcpuOvercommitRatio()) {
                over.add(allocation.vcpus() + " vCPUs for " + capacity.logicalProcessors() + " logical processors (ratio "
                        + ratio(vcpus) + ", limit " + ratio(limits.vcpuOvercommitRatio()) + ")");
            }
            if (!over.isEmpty()) {
                found.add(new Observation(FindingKind.OVERCOMMITTED, hostId.toString(), name, null, hostId, null,
                        "Its " + allocation.vms() + " VMs are given " + String.join(" and ", over) + ".", null));
            }
        });
        return found;
    }

    private static Observation observe(FindingKind kind, VmInventory.Entry vm, String details, Instant since) {
        return new Observation(kind, vm.id().toString(), vm.name(), vm.id(), vm.hostId(), vm.owner(), details, since);
    }

    private String days(Instant since) {
        long days = Duration.between(since, now).toDays();
        return days == 1 ? "1 day" : days + " days";
    }

    static String gib(long mib) {
        return String.format(Locale.ROOT, "%.1f GiB", mib / 1024.0);
    }

    private static String ratio(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
