package dev.corral.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.corral.engine.VmSpec.AdapterType;
import dev.corral.engine.VmSpec.Architecture;
import dev.corral.engine.VmSpec.Bus;
import dev.corral.engine.VmSpec.DiskKind;
import dev.corral.engine.VmSpec.GuestOs;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every engine behind the port must do, run against each: the simulator, libvirt's test
 * driver and real QEMU. Each host offers an external Open vSwitch-style switch {@value #EXTERNAL}
 * (carrying any VLAN) and an internal switch {@value #INTERNAL}.
 */
public abstract class EngineContract {

    protected static final String EXTERNAL = "ext-lan";
    protected static final String INTERNAL = "int-lab";

    protected HostConnection hostA;
    protected HostConnection hostB;
    /** Every VM and switch a test makes carries this prefix, so cleanup on a real host is safe. */
    protected final String prefix = "ct-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());

    /** Fresh connections to two hosts served by the engine under test. */
    protected abstract HostConnection connectHostA();

    protected abstract HostConnection connectHostB();

    /** A VM this engine can really run (real QEMU needs a real image for snapshots, say). */
    protected VmSpec spec(String name) {
        return new VmSpec(name, 1, 64, Architecture.X64, new GuestOs(GuestOs.Family.LINUX, "Debian 12"),
                List.of(new VmSpec.Disk("system", DiskKind.DYNAMIC, Bus.IDE, 1, "/var/lib/corral-test/" + name + ".qcow2", null)),
                List.of(new VmSpec.NetworkAdapter(AdapterType.SYNTHETIC, INTERNAL, null, null)),
                EnumSet.allOf(IntegrationService.class));
    }

    /** Whether a started guest answers a graceful shutdown (a diskless QEMU guest has no OS to). */
    protected boolean guestHonoursShutdown() {
        return true;
    }

    /** Whether host B is a different host than A (one libvirtd on a machine is one host). */
    protected boolean hasSecondHost() {
        return true;
    }

    /** Memory for each of two VMs that the host cannot run together; 0 where that cannot be tried safely. */
    protected long memoryThatFitsOnlyOnce() {
        return 0;
    }

    @BeforeEach
    void connect() {
        hostA = connectHostA();
        hostB = connectHostB();
    }

    @AfterEach
    void cleanUp() {
        if (hostA == null || hostB == null) {
            return; // the tier was skipped before it connected (no libvirtd, say)
        }
        for (HostConnection host : List.of(hostA, hostB)) {
            for (VmInfo vm : host.listVms()) {
                if (vm.name().startsWith(prefix)) {
                    if (vm.state() == VmState.RUNNING || vm.state() == VmState.PAUSED) {
                        host.turnOff(vm.id());
                    }
                    host.delete(vm.id());
                }
            }
            host.switches().stream().filter(s -> s.name().startsWith(prefix)).forEach(s -> host.deleteSwitch(s.name()));
        }
        hostA.close();
        hostB.close();
    }

    protected String name(String suffix) {
        return prefix + "-" + suffix;
    }

    // ---- Host

    @Test
    void aHostDescribesItself() {
        HostFacts facts = hostA.facts();

        assertThat(facts.logicalProcessors()).isPositive()
                .isEqualTo(facts.sockets() * facts.coresPerSocket() * facts.threadsPerCore());
        assertThat(facts.memoryTotalMiB()).isPositive();
        assertThat(facts.memoryFreeMiB()).isBetween(0L, facts.memoryTotalMiB());
        assertThat(hostA.capabilities()).isNotNull();
    }

    /** Corral tells hosts apart by what the hypervisor says it is, not by how its URI is spelled. */
    @Test
    void aHostNamesItsOwnIdentityTheSameOnEveryConnection() {
        String identity = hostA.facts().identity();
        HostConnection again = connectHostA();
        try {
            assertThat(identity).isNotBlank();
            assertThat(again.facts().identity()).isEqualTo(identity);
            if (hasSecondHost()) {
                assertThat(hostB.facts().identity()).isNotBlank().isNotEqualTo(identity);
            }
        } finally {
            if (again != hostA) {
                again.close();
            }
        }
    }

    // ---- Defining VMs

    @Test
    void aDefinedVmIsOffAndKeepsItsSpec() {
        VmSpec spec = spec(name("define"));

        VmInfo vm = hostA.define(spec);

        assertThat(vm.state()).isEqualTo(VmState.OFF);
        assertThat(withoutGeneratedMacs(vm.spec(), spec)).isEqualTo(spec);
        assertThat(hostA.vm(vm.id()).spec()).isEqualTo(vm.spec());
        assertThat(hostA.listVms()).extracting(VmInfo::id).contains(vm.id());
    }

    /**
     * The spec as reported, but for the MACs the host generated where {@code asked} gave none (the
     * simulator, like Hyper-V, reports them; libvirt's engine keeps them to itself).
     */
    private static VmSpec withoutGeneratedMacs(VmSpec reported, VmSpec asked) {
        List<VmSpec.NetworkAdapter> adapters = new java.util.ArrayList<>();
        for (int i = 0; i < reported.networkAdapters().size(); i++) {
            VmSpec.NetworkAdapter adapter = reported.networkAdapters().get(i);
            boolean generated = i < asked.networkAdapters().size() && asked.networkAdapters().get(i).mac() == null;
            if (generated && adapter.mac() != null) {
                assertThat(adapter.mac()).matches("([0-9a-f]{2}:){5}[0-9a-f]{2}");
            }
            adapters.add(generated ? new VmSpec.NetworkAdapter(adapter.type(), adapter.switchName(), adapter.vlan(), null)
                    : adapter);
        }
        return new VmSpec(reported.name(), reported.vcpus(), reported.memoryMiB(), reported.architecture(),
                reported.guestOs(), reported.disks(), adapters, reported.integrationServices());
    }

    @Test
    void namesAreUniquePerHost() {
        hostA.define(spec(name("twin")));

        assertThatThrownBy(() -> hostA.define(spec(name("twin")))).isInstanceOf(EngineException.InvalidSpec.class)
                .hasMessageContaining(name("twin"));
    }

    @Test
    void moreVirtualProcessorsThanTheHostHasAreRefused() {
        int processors = hostA.facts().logicalProcessors();
        VmSpec greedy = withCpuAndMemory(spec(name("greedy")), processors + 1, 64);

        assertThatThrownBy(() -> hostA.define(greedy)).isInstanceOf(EngineException.Capacity.class);
    }

    @Test
    void anAdapterOnAMissingSwitchIsRefused() {
        VmSpec base = spec(name("lost"));
        VmSpec lost = new VmSpec(base.name(), 1, 64, base.architecture(), base.guestOs(), base.disks(),
                List.of(new VmSpec.NetworkAdapter(AdapterType.SYNTHETIC, "no-such-switch", null, null)),
                base.integrationServices());

        assertThatThrownBy(() -> hostA.define(lost)).isInstanceOf(EngineException.InvalidSpec.class)
                .hasMessageContaining("no-such-switch");
    }

    @Test
    void anAccessVlanOnTheExternalSwitchIsKept() {
        VmSpec base = spec(name("vlan"));
        VmSpec tagged = new VmSpec(base.name(), 1, 64, base.architecture(), base.guestOs(), base.disks(),
                List.of(new VmSpec.NetworkAdapter(AdapterType.SYNTHETIC, EXTERNAL, new VlanSetting.Access(42),
                        "52:54:00:12:34:56")), base.integrationServices());

        VmInfo vm = hostA.define(tagged);

        assertThat(hostA.vm(vm.id()).spec().networkAdapters().getFirst().vlan()).isEqualTo(new VlanSetting.Access(42));
        assertThat(hostA.vm(vm.id()).spec().networkAdapters().getFirst().mac()).isEqualTo("52:54:00:12:34:56");
    }

    @Test
    void unknownVmsAreNotFound() {
        assertThatThrownBy(() -> hostA.vm(UUID.randomUUID())).isInstanceOf(EngineException.NotFound.class);
        assertThatThrownBy(() -> hostA.start(UUID.randomUUID())).isInstanceOf(EngineException.NotFound.class);
    }

    @Test
    void memoryChangesOnlyWhileOff() {
        VmInfo vm = hostA.define(spec(name("resize")));
        VmSpec bigger = withCpuAndMemory(vm.spec(), 1, 128);

        assertThat(hostA.update(vm.id(), bigger).spec().memoryMiB()).isEqualTo(128);

        hostA.start(vm.id());
        VmSpec evenBigger = withCpuAndMemory(vm.spec(), 1, 256);
        assertThatThrownBy(() -> hostA.update(vm.id(), evenBigger)).isInstanceOf(EngineException.InvalidState.class);
        assertThat(hostA.vm(vm.id()).spec().memoryMiB()).isEqualTo(128);
    }

    // ---- Power

    @Test
    void aVmGoesThroughItsLifecycle() {
        UUID id = hostA.define(spec(name("life"))).id();

        assertThat(hostA.start(id).state()).isEqualTo(VmState.RUNNING);
        assertThat(hostA.pause(id).state()).isEqualTo(VmState.PAUSED);
        assertThat(hostA.resume(id).state()).isEqualTo(VmState.RUNNING);
        assertThat(hostA.reset(id).state()).isEqualTo(VmState.RUNNING);
        assertThat(hostA.save(id).state()).isEqualTo(VmState.SAVED);
        assertThat(hostA.start(id).state()).as("a saved VM is restored by start").isEqualTo(VmState.RUNNING);
        assertThat(hostA.turnOff(id).state()).isEqualTo(VmState.OFF);
        hostA.delete(id);

        assertThat(hostA.listVms()).extracting(VmInfo::id).doesNotContain(id);
    }

    @Test
    void aGracefulShutdownEndsOff() {
        Assumptions.assumeTrue(guestHonoursShutdown(), "this engine's test guest has no OS to shut down");
        UUID id = hostA.define(spec(name("shutdown"))).id();
        hostA.start(id);

        hostA.shutdown(id);

        awaitState(id, VmState.OFF);
    }

    @Test
    void operationsTheStateDoesNotAllowAreRefused() {
        UUID id = hostA.define(spec(name("state"))).id();

        assertThatThrownBy(() -> hostA.pause(id)).isInstanceOf(EngineException.InvalidState.class);
        assertThatThrownBy(() -> hostA.save(id)).isInstanceOf(EngineException.InvalidState.class);
        assertThatThrownBy(() -> hostA.turnOff(id)).isInstanceOf(EngineException.InvalidState.class);
        hostA.start(id);
        assertThatThrownBy(() -> hostA.start(id)).isInstanceOf(EngineException.InvalidState.class)
                .hasMessageContaining(name("state"));
        assertThatThrownBy(() -> hostA.delete(id)).isInstanceOf(EngineException.InvalidState.class);
        assertThat(hostA.vm(id).state()).isEqualTo(VmState.RUNNING);
    }

    @Test
    void aVmThatDoesNotFitInFreeMemoryDoesNotStart() {
        long memory = memoryThatFitsOnlyOnce();
        Assumptions.assumeTrue(memory > 0, "not tried on this engine's host");
        UUID first = hostA.define(withCpuAndMemory(spec(name("big1")), 1, memory)).id();
        UUID second = hostA.define(withCpuAndMemory(spec(name("big2")), 1, memory)).id();
        hostA.start(first);

        assertThatThrownBy(() -> hostA.start(second)).isInstanceOf(EngineException.Capacity.class);
        assertThat(hostA.vm(second).state()).isEqualTo(VmState.OFF);
    }

    @Test
    void integrationServicesReportOnlyWhileRunning() {
        Assumptions.assumeTrue(hostA.capabilities().supports(Capability.INTEGRATION_SERVICE_STATUS),
                () -> hostA.capabilities().whyNot(Capability.INTEGRATION_SERVICE_STATUS).orElse(""));
        UUID id = hostA.define(spec(name("heartbeat"))).id();
        assertThat(heartbeat(hostA.vm(id))).isEqualTo(VmInfo.IntegrationStatus.Status.NOT_RUNNING);

        hostA.start(id);

        assertThat(heartbeat(hostA.vm(id))).isIn(VmInfo.IntegrationStatus.Status.OK, VmInfo.IntegrationStatus.Status.NO_CONTACT);
    }

    // ---- Snapshots

    @Test
    void snapshotsFormATree() {
        Assumptions.assumeTrue(hostA.capabilities().supports(Capability.SNAPSHOTS));
        UUID id = hostA.define(spec(name("snaps"))).id();
        SnapshotInfo first = hostA.createSnapshot(id, "first");
        SnapshotInfo second = hostA.createSnapshot(id, "second");
        assertThat(first.parentId()).isNull();
        assertThat(second.parentId()).isEqualTo(first.id());

        hostA.applySnapshot(id, first.id());
        SnapshotInfo branch = hostA.createSnapshot(id, "branch");

        assertThat(branch.parentId()).as("work after applying an older snapshot branches from it").isEqualTo(first.id());
        assertThat(tree(id)).containsEntry("second", "first").containsEntry("branch", "first");
        assertThat(hostA.snapshots(id)).filteredOn(SnapshotInfo::current).extracting(SnapshotInfo::name).containsExactly("branch");

        hostA.deleteSnapshot(id, first.id(), false);
        assertThat(tree(id)).as("children of a snapshot deleted alone move up").containsOnlyKeys("second", "branch")
                .containsEntry("second", "").containsEntry("branch", "");

        hostA.deleteSnapshot(id, second.id(), true);
        assertThat(tree(id)).containsOnlyKeys("branch");
    }

    @Test
    void aSnapshotIsRenamedInPlaceAndNamesStayUnique() {
        Assumptions.assumeTrue(hostA.capabilities().supports(Capability.SNAPSHOTS));
        UUID id = hostA.define(spec(name("rename"))).id();
        SnapshotInfo first = hostA.createSnapshot(id, "first");
        SnapshotInfo second = hostA.createSnapshot(id, "second");

        SnapshotInfo renamed = hostA.renameSnapshot(id, first.id(), "before patch");

        assertThat(renamed.id()).isEqualTo(first.id());
        assertThat(renamed.name()).isEqualTo("before patch");
        assertThat(tree(id)).containsEntry("second", "before patch");
        assertThat(hostA.snapshots(id)).filteredOn(SnapshotInfo::current).extracting(SnapshotInfo::id)
                .containsExactly(second.id());
        SnapshotInfo current = hostA.renameSnapshot(id, second.id(), "after patch");
        assertThat(hostA.snapshots(id)).filteredOn(SnapshotInfo::current).extracting(SnapshotInfo::name)
                .as("renaming the current snapshot keeps it current").containsExactly("after patch");
        assertThat(current.parentId()).isEqualTo(first.id());
        assertThatThrownBy(() -> hostA.renameSnapshot(id, second.id(), "BEFORE PATCH"))
                .isInstanceOf(EngineException.InvalidSpec.class).hasMessageContaining("already has a snapshot named");
        assertThatThrownBy(() -> hostA.createSnapshot(id, "Before Patch"))
                .isInstanceOf(EngineException.InvalidSpec.class);
        assertThatThrownBy(() -> hostA.renameSnapshot(id, first.id(), "bad/name"))
                .isInstanceOf(EngineException.InvalidSpec.class);
    }

    @Test
    void deletingASubtreeTakesItsDescendants() {
        Assumptions.assumeTrue(hostA.capabilities().supports(Capability.SNAPSHOTS));
        UUID id = hostA.define(spec(name("subtree"))).id();
        SnapshotInfo root = hostA.createSnapshot(id, "root");
        hostA.createSnapshot(id, "child");
        hostA.createSnapshot(id, "grandchild");

        hostA.deleteSnapshot(id, root.id(), true);

        assertThat(hostA.snapshots(id)).isEmpty();
    }

    @Test
    void applyingASnapshotRestoresItsState() {
        Assumptions.assumeTrue(hostA.capabilities().supports(Capability.SNAPSHOTS));
        UUID id = hostA.define(spec(name("revert"))).id();
        SnapshotInfo off = hostA.createSnapshot(id, "while-off");
        hostA.start(id);

        assertThat(hostA.applySnapshot(id, off.id()).state()).isEqualTo(VmState.OFF);
    }

    @Test
    void aPassThroughDiskRulesOutSnapshots() {
        Assumptions.assumeTrue(hostA.capabilities().supports(Capability.SNAPSHOTS)
                && hostA.capabilities().supports(Capability.PASS_THROUGH_DISKS));
        VmSpec base = spec(name("passthrough"));
        VmSpec passThrough = new VmSpec(base.name(), 1, 64, base.architecture(), base.guestOs(),
                List.of(new VmSpec.Disk("data", DiskKind.PASS_THROUGH, Bus.SCSI, 0, "/dev/disk/by-id/corral-test-volume", null)),
                base.networkAdapters(), base.integrationServices());
        UUID id = hostA.define(passThrough).id();

        assertThatThrownBy(() -> hostA.createSnapshot(id, "nope")).isInstanceOf(EngineException.Unsupported.class)
                .hasMessageContaining("pass-through");
    }

    // ---- Switches

    @Test
    void switchesAreCreatedAndDeletedButNotWhileInUse() {
        Assumptions.assumeTrue(hostA.capabilities().supports(Capability.VIRTUAL_SWITCHES));
        String switchName = name("priv");
        hostA.createSwitch(new VirtualSwitch(switchName, VirtualSwitch.Kind.PRIVATE, null, null));
        assertThat(hostA.switches()).extracting(VirtualSwitch::name).contains(switchName, EXTERNAL, INTERNAL);
        VmSpec base = spec(name("wired"));
        VmInfo vm = hostA.define(new VmSpec(base.name(), 1, 64, base.architecture(), base.guestOs(), base.disks(),
                List.of(new VmSpec.NetworkAdapter(AdapterType.LEGACY, switchName, null, null)), base.integrationServices()));

        assertThatThrownBy(() -> hostA.deleteSwitch(switchName)).isInstanceOf(EngineException.InvalidState.class)
                .hasMessageContaining(vm.name());

        hostA.delete(vm.id());
        hostA.deleteSwitch(switchName);
        assertThat(hostA.switches()).extracting(VirtualSwitch::name).doesNotContain(switchName);
    }

    @Test
    void aSwitchCarriesOtherVlansAfterAChangeAndKeepsItsNameAndKind() {
        Assumptions.assumeTrue(hostA.capabilities().supports(Capability.VIRTUAL_SWITCHES)
                && hostA.capabilities().supports(Capability.VLAN));
        List<String> free = freeEthernetAdapters(hostA);
        Assumptions.assumeFalse(free.isEmpty(), "host A has no Ethernet adapter free for another external switch");
        String switchName = name("uplink");
        hostA.createSwitch(new VirtualSwitch(switchName, VirtualSwitch.Kind.EXTERNAL, free.getFirst(), vlans(10, 20)));
        VmSpec base = spec(name("tagged"));
        VmSpec onVlan105 = new VmSpec(base.name(), 1, 64, base.architecture(), base.guestOs(), base.disks(),
                List.of(new VmSpec.NetworkAdapter(AdapterType.SYNTHETIC, switchName, new VlanSetting.Access(105), null)),
                base.integrationServices());
        assertThatThrownBy(() -> hostA.define(onVlan105)).isInstanceOf(EngineException.InvalidSpec.class);

        VirtualSwitch changed = hostA.updateSwitch(new VirtualSwitch(switchName, VirtualSwitch.Kind.EXTERNAL,
                free.getFirst(), vlans(10, 20, 100, 101, 102, 103, 104, 105)));

        assertThat(changed).isEqualTo(new VirtualSwitch(switchName, VirtualSwitch.Kind.EXTERNAL, free.getFirst(),
                vlans(10, 20, 100, 101, 102, 103, 104, 105)));
        assertThat(hostA.switches()).contains(changed);
        VmInfo vm = hostA.define(onVlan105);
        assertThat(vm.spec().networkAdapters().getFirst().vlan()).isEqualTo(new VlanSetting.Access(105));

        VirtualSwitch open = hostA.updateSwitch(new VirtualSwitch(switchName, VirtualSwitch.Kind.EXTERNAL, free.getFirst(), null));
        assertThat(open.allowedVlans()).as("carries any VLAN").isEmpty();
        assertThat(hostA.switches()).contains(open);
    }

    @Test
    void anExternalSwitchMovesToAnotherFreeEthernetAdapterOnly() {
        Assumptions.assumeTrue(hostA.capabilities().supports(Capability.VIRTUAL_SWITCHES));
        List<String> free = freeEthernetAdapters(hostA);
        Assumptions.assumeFalse(free.isEmpty(), "host A has no Ethernet adapter free for another external switch");
        String switchName = name("moving");
        hostA.createSwitch(new VirtualSwitch(switchName, VirtualSwitch.Kind.EXTERNAL, free.getFirst(), null));
        String taken = hostA.switches().stream().filter(s -> s.name().equals(EXTERNAL)).findFirst().orElseThrow()
                .physicalAdapter();

        assertThatThrownBy(() -> hostA.updateSwitch(new VirtualSwitch(switchName, VirtualSwitch.Kind.EXTERNAL, taken, null)))
                .isInstanceOf(EngineException.InvalidSpec.class).hasMessageContaining(taken);
        if (free.size() > 1) {
            VirtualSwitch moved = hostA.updateSwitch(new VirtualSwitch(switchName, VirtualSwitch.Kind.EXTERNAL, free.get(1), null));
            assertThat(moved.physicalAdapter()).isEqualTo(free.get(1));
            assertThat(hostA.switches()).contains(moved);
        }
    }

    @Test
    void aSwitchKeepsItsKindAndAnUnknownSwitchCannotChange() {
        Assumptions.assumeTrue(hostA.capabilities().supports(Capability.VIRTUAL_SWITCHES));
        String switchName = name("lab");
        hostA.createSwitch(new VirtualSwitch(switchName, VirtualSwitch.Kind.PRIVATE, null, null));

        assertThatThrownBy(() -> hostA.updateSwitch(new VirtualSwitch(switchName, VirtualSwitch.Kind.INTERNAL, null, null)))
                .isInstanceOf(EngineException.InvalidSpec.class).hasMessageContaining("kind");
        assertThatThrownBy(() -> hostA.updateSwitch(new VirtualSwitch(name("nowhere"), VirtualSwitch.Kind.PRIVATE, null, null)))
                .isInstanceOf(EngineException.NotFound.class).hasMessageContaining(name("nowhere"));
        assertThat(hostA.switches()).contains(new VirtualSwitch(switchName, VirtualSwitch.Kind.PRIVATE, null, null));
    }

    /** The host's Ethernet adapters that back no switch yet. */
    protected static List<String> freeEthernetAdapters(HostConnection host) {
        List<String> taken = host.switches().stream().map(VirtualSwitch::physicalAdapter)
                .filter(java.util.Objects::nonNull).toList();
        return host.facts().adapters().stream().filter(a -> a.medium() == HostFacts.PhysicalAdapter.Medium.ETHERNET)
                .map(HostFacts.PhysicalAdapter::name).filter(a -> !taken.contains(a)).toList();
    }

    protected static java.util.SortedSet<Integer> vlans(Integer... tags) {
        return new java.util.TreeSet<>(List.of(tags));
    }

    // ---- Quick migration

    @Test
    void quickMigrationMovesARunningVmAndKeepsItRunning() {
        Assumptions.assumeTrue(hasSecondHost(), "only one host of this engine is available here");
        Assumptions.assumeTrue(hostA.capabilities().supports(Capability.QUICK_MIGRATION));
        UUID id = hostA.define(spec(name("mover"))).id();
        hostA.start(id);

        VmInfo moved = hostA.quickMigrate(id, hostB);

        assertThat(moved.id()).isEqualTo(id);
        assertThat(moved.state()).isEqualTo(VmState.RUNNING);
        assertThat(hostB.vm(id).state()).isEqualTo(VmState.RUNNING);
        assertThat(hostA.listVms()).extracting(VmInfo::id).doesNotContain(id);
    }

    @Test
    void quickMigrationOfAnOffVmMovesItOff() {
        Assumptions.assumeTrue(hasSecondHost(), "only one host of this engine is available here");
        Assumptions.assumeTrue(hostA.capabilities().supports(Capability.QUICK_MIGRATION));
        UUID id = hostA.define(spec(name("cold"))).id();

        hostA.quickMigrate(id, hostB);

        assertThat(hostB.vm(id).state()).isEqualTo(VmState.OFF);
        assertThat(hostA.listVms()).extracting(VmInfo::id).doesNotContain(id);
    }

    // ---- Console

    /**
     * A running VM's console speaks RFB from its first byte and shows a screen of some size; where
     * the host has no displays to give, it is refused with the reason its capabilities state.
     */
    @Test
    void aRunningVmsConsoleSpeaksRfbOrIsRefusedWithTheReason() throws Exception {
        UUID id = hostA.define(spec(name("screen"))).id();
        hostA.start(id);
        java.util.Optional<String> whyNot = hostA.capabilities().whyNot(Capability.CONSOLE);
        if (whyNot.isPresent()) {
            assertThatThrownBy(() -> hostA.openConsole(id)).isInstanceOf(EngineException.Unsupported.class)
                    .hasMessage(whyNot.get());
            return;
        }

        try (dev.corral.support.RfbTestClient client = dev.corral.support.RfbTestClient.connect(hostA.openConsole(id))) {
            client.requestUpdate(false);
            client.awaitUpdate(Duration.ofSeconds(10));

            assertThat(client.width()).isPositive();
            assertThat(client.height()).isPositive();
        }
    }

    // ---- Events

    @Test
    void lifecycleEventsReachSubscribers() throws Exception {
        LinkedBlockingQueue<LifecycleEvent> events = new LinkedBlockingQueue<>();
        try (AutoCloseable subscription = hostA.subscribe(events::add)) {
            UUID id = hostA.define(spec(name("events"))).id();
            hostA.start(id);

            LifecycleEvent running = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (running == null && System.nanoTime() < deadline) {
                LifecycleEvent event = events.poll(200, TimeUnit.MILLISECONDS);
                if (event != null && id.equals(event.vmId()) && event.state() == VmState.RUNNING) {
                    running = event;
                }
            }
            assertThat(running).as("an event saying the VM runs").isNotNull();
            assertThat(running.host()).isEqualTo(hostA.uri());
        }
    }

    // ---- helpers

    protected static VmSpec withCpuAndMemory(VmSpec spec, int vcpus, long memoryMiB) {
        return new VmSpec(spec.name(), vcpus, memoryMiB, spec.architecture(), spec.guestOs(), spec.disks(),
                spec.networkAdapters(), spec.integrationServices());
    }

    private Map<String, String> tree(UUID id) {
        List<SnapshotInfo> all = hostA.snapshots(id);
        Map<String, String> names = all.stream().collect(Collectors.toMap(SnapshotInfo::id, SnapshotInfo::name));
        return all.stream().collect(Collectors.toMap(SnapshotInfo::name,
                s -> s.parentId() == null ? "" : names.getOrDefault(s.parentId(), "?")));
    }

    private static VmInfo.IntegrationStatus.Status heartbeat(VmInfo vm) {
        return vm.integration().stream().filter(s -> s.service() == IntegrationService.HEARTBEAT).findFirst()
                .orElseThrow().status();
    }

    protected void awaitState(UUID id, VmState state) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (hostA.vm(id).state() != state) {
            if (System.nanoTime() > deadline) {
                assertThat(hostA.vm(id).state()).isEqualTo(state);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
