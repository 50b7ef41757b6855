package dev.corral.sprawl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corral.access.DirectoryAccounts;
import dev.corral.engine.SnapshotInfo;
import dev.corral.engine.VmInfo;
import dev.corral.engine.VmSpec;
import dev.corral.engine.VmState;
import dev.corral.hosts.HostAllocation;
import dev.corral.hosts.HostHealth;
import dev.corral.vms.VmInventory;
import dev.corral.vms.VmLease;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The sprawl rules on hand-made inventories and host reports, with a fixed "now". */
class SprawlRulesTest {

    static final Instant NOW = Instant.parse("2026-06-20T12:00:00Z");
    static final UUID HOST_A = UUID.randomUUID();
    static final UUID HOST_B = UUID.randomUUID();

    final SprawlRules rules = new SprawlRules(SprawlProperties.defaults(), NOW);

    @Test
    void aVmOnAHostButNotInTheInventoryIsUnmanagedAndOneGoneFromItsHostIsMissing() {
        VmInventory.Entry kept = vm("kept", HOST_A);
        VmInventory.Entry gone = vm("gone", HOST_A);
        VmInfo stray = live(UUID.randomUUID(), "stray", VmState.RUNNING);

        List<Observation> found = rules.reconcile(List.of(kept, gone),
                List.of(report(HOST_A, live(kept.id(), "kept", VmState.OFF), stray)));

        assertThat(found).extracting(Observation::kind, Observation::objectName)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(FindingKind.UNMANAGED, "stray"),
                        org.assertj.core.groups.Tuple.tuple(FindingKind.MISSING, "gone"));
        Observation unmanaged = found.stream().filter(o -> o.kind() == FindingKind.UNMANAGED).findFirst().orElseThrow();
        assertThat(unmanaged.objectKey()).isEqualTo(HOST_A + "/" + stray.id());
        assertThat(unmanaged.details()).isEqualTo("On host-a but not in the inventory: 2 vCPUs, 1.0 GiB, Debian 12, running.");
        assertThat(unmanaged.owner()).isNull();
    }

    @Test
    void aHostThatDidNotAnswerSaysNothingMissingAndAVmMovedToAnotherHostIsNotMissing() {
        VmInventory.Entry onSilentHost = vm("silent", HOST_A);
        VmInventory.Entry migrating = vm("migrating", HOST_B);

        List<Observation> found = rules.reconcile(List.of(onSilentHost, migrating),
                List.of(HostReport.unanswered(HOST_A, "host-a", "no route"), report(HOST_B),
                        report(UUID.randomUUID(), live(migrating.id(), "migrating", VmState.RUNNING))));

        assertThat(found).isEmpty();
    }

    @Test
    void aLeaseEndsAfterItsLastDay() {
        VmInventory.Entry endsToday = leased("today", LocalDate.parse("2026-06-20"));
        VmInventory.Entry endedYesterday = leased("yesterday", LocalDate.parse("2026-06-19"));

        List<Observation> found = rules.expiredLeases(List.of(endsToday, endedYesterday));

        assertThat(found).extracting(Observation::objectName).containsExactly("yesterday");
        assertThat(found.getFirst().since()).isEqualTo(Instant.parse("2026-06-20T00:00:00Z"));
        assertThat(found.getFirst().details()).isEqualTo("The lease ended on 2026-06-19; then: shut it down.");
    }

    @Test
    void offOrSavedLongerThanTheThresholdOrRunningWithASilentGuestIsIdle() {
        VmInventory.Entry offLong = runtime("off-long", VmState.OFF, NOW.minus(Duration.ofDays(31)), null);
        VmInventory.Entry offShort = runtime("off-short", VmState.OFF, NOW.minus(Duration.ofDays(29)), null);
        VmInventory.Entry savedLong = runtime("saved-long", VmState.SAVED, NOW.minus(Duration.ofDays(45)), null);
        VmInventory.Entry silent = runtime("silent", VmState.RUNNING, NOW.minus(Duration.ofDays(60)), NOW.minus(Duration.ofDays(8)));
        VmInventory.Entry quiet = runtime("quiet", VmState.RUNNING, NOW.minus(Duration.ofDays(60)), NOW.minus(Duration.ofDays(6)));
        VmInventory.Entry unknown = runtime("unknown", VmState.UNKNOWN, NOW.minus(Duration.ofDays(90)), null);

        List<Observation> found = rules.idle(List.of(offLong, offShort, savedLong, silent, quiet, unknown));

        assertThat(found).extracting(Observation::objectName).containsExactly("off-long", "saved-long", "silent");
        assertThat(found.get(0).details()).isEqualTo("Off since 20 May 2026 (31 days), longer than 30 days.");
        assertThat(found.get(0).since()).isEqualTo(offLong.stateSince());
        assertThat(found.get(2).details()).startsWith("Running, but its guest has not answered the heartbeat since 12 Jun 2026");
    }

    @Test
    void anOwnerTheDirectoryNoLongerHasOrHasDisabledOrNoOwnerAtAllOrphansTheVm() {
        List<VmInventory.Entry> vms = List.of(owned("a", "ada"), owned("b", "Gone"), owned("c", "locked"), owned("d", null));

        List<Observation> found = rules.orphanedOwners(vms, Map.of("ada", DirectoryAccounts.Status.ACTIVE,
                "gone", DirectoryAccounts.Status.MISSING, "locked", DirectoryAccounts.Status.DISABLED));

        assertThat(found).extracting(Observation::objectName, Observation::details).containsExactly(
                org.assertj.core.groups.Tuple.tuple("b", "Its owner Gone is no longer in the directory."),
                org.assertj.core.groups.Tuple.tuple("c", "Its owner locked's account is disabled in the directory."),
                org.assertj.core.groups.Tuple.tuple("d", "It has no owner."));
    }

    @Test
    void snapshotsOfRegisteredVmsOlderThanTheThresholdAreOld() {
        VmInventory.Entry vm = vm("db", HOST_A);
        SnapshotInfo old = new SnapshotInfo("s1", "before-upgrade", null, NOW.minus(Duration.ofDays(91)), VmState.OFF, false);
        SnapshotInfo recent = new SnapshotInfo("s2", "today", "s1", NOW.minus(Duration.ofDays(2)), VmState.OFF, true);
        UUID unregistered = UUID.randomUUID();
        HostReport report = new HostReport(HOST_A, "host-a", List.of(),
                Map.of(vm.id(), List.of(old, recent), unregistered, List.of(old)), null);

        List<Observation> found = rules.oldSnapshots(List.of(vm), List.of(report));

        assertThat(found).extracting(Observation::objectKey).containsExactly(vm.id() + "/s1");
        assertThat(found.getFirst().objectName()).isEqualTo("db › before-upgrade");
        assertThat(found.getFirst().since()).isEqualTo(old.createdAt());
    }

    @Test
    void aHostIsOvercommittedWhenItsVmsAreGivenMoreThanTheRatioAllows() {
        UUID fits = UUID.randomUUID();
        UUID memory = UUID.randomUUID();
        UUID cpus = UUID.randomUUID();
        Map<UUID, HostHealth.Capacity> capacity = Map.of(fits, new HostHealth.Capacity(8, 16384),
                memory, new HostHealth.Capacity(8, 16384), cpus, new HostHealth.Capacity(8, 16384));
        Map<UUID, HostAllocation.Allocation> allocation = Map.of(fits, new HostAllocation.Allocation(4, 32, 16384),
                memory, new HostAllocation.Allocation(3, 6, 20480), cpus, new HostAllocation.Allocation(10, 40, 1024));

        List<Observation> found = rules.overcommitted(Map.of(fits, "fits", memory, "memory", cpus, "cpus", UUID.randomUUID(),
                "unknown"), capacity, allocation);

        assertThat(found).extracting(Observation::objectName).containsExactlyInAnyOrder("memory", "cpus");
        assertThat(found).filteredOn(o -> o.objectName().equals("memory")).first().extracting(Observation::details)
                .isEqualTo("Its 3 VMs are given 20.0 GiB of 16.0 GiB memory (ratio 1.25, limit 1.00).");
        assertThat(found).filteredOn(o -> o.objectName().equals("cpus")).first().extracting(Observation::details)
                .isEqualTo("Its 10 VMs are given 40 vCPUs for 8 logical processors (ratio 5.00, limit 4.00).");
    }

    @Test
    void theLeaseActionDependsOnTheVmsState() {
        assertThat(LeaseExpiry.actionFor(VmLease.Action.SHUT_DOWN, VmState.RUNNING)).contains(dev.corral.vms.VmAction.SHUTDOWN);
        assertThat(LeaseExpiry.actionFor(VmLease.Action.SHUT_DOWN, VmState.PAUSED)).contains(dev.corral.vms.VmAction.SAVE);
        assertThat(LeaseExpiry.actionFor(VmLease.Action.SHUT_DOWN, VmState.OFF)).isEmpty();
        assertThat(LeaseExpiry.actionFor(VmLease.Action.SAVE, VmState.PAUSED)).contains(dev.corral.vms.VmAction.SAVE);
        assertThat(LeaseExpiry.actionFor(VmLease.Action.SAVE, VmState.SAVED)).isEmpty();
        assertThat(LeaseExpiry.actionFor(VmLease.Action.NOTIFY, VmState.RUNNING)).isEmpty();
    }

    static VmInventory.Entry vm(String name, UUID host) {
        return new VmInventory.Entry(UUID.randomUUID(), host, name, "ada", null, null, null, null, 1, 1024, 10, "LINUX", 0,
                VmState.RUNNING, NOW, "OK", null);
    }

    static VmInventory.Entry leased(String name, LocalDate expires) {
        return new VmInventory.Entry(UUID.randomUUID(), HOST_A, name, "ada", null, null, null,
                new VmLease(expires, VmLease.Action.SHUT_DOWN), 1, 1024, 10, "LINUX", 0, VmState.RUNNING, NOW, "OK", null);
    }

    static VmInventory.Entry runtime(String name, VmState state, Instant since, Instant heartbeatLost) {
        return new VmInventory.Entry(UUID.randomUUID(), HOST_A, name, "ada", null, null, null, null, 1, 1024, 10, "LINUX", 0,
                state, since, heartbeatLost == null ? null : "NO_CONTACT", heartbeatLost);
    }

    static VmInventory.Entry owned(String name, String owner) {
        return new VmInventory.Entry(UUID.randomUUID(), HOST_A, name, owner, null, null, null, null, 1, 1024, 10, "LINUX", 0,
                VmState.RUNNING, NOW, "OK", null);
    }

    static VmInfo live(UUID id, String name, VmState state) {
        return new VmInfo(id, new VmSpec(name, 2, 1024, VmSpec.Architecture.X64,
                new VmSpec.GuestOs(VmSpec.GuestOs.Family.LINUX, "Debian 12"), List.of(), List.of(), Set.of()), state, List.of());
    }

    static HostReport report(UUID host, VmInfo... vms) {
        return new HostReport(host, host.equals(HOST_A) ? "host-a" : "host-b", List.of(vms), Map.of(), null);
    }
}
