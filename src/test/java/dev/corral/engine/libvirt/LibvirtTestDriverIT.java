package dev.corral.engine.libvirt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.corral.engine.Capability;
import dev.corral.engine.EngineException;
import dev.corral.engine.HostConnection;
import dev.corral.engine.HostFacts;
import dev.corral.engine.IntegrationService;
import dev.corral.engine.LifecycleEvent;
import dev.corral.engine.SnapshotInfo;
import dev.corral.engine.VirtualSwitch;
import dev.corral.engine.VlanSetting;
import dev.corral.engine.VmInfo;
import dev.corral.engine.VmSpec;
import dev.corral.engine.VmSpec.AdapterType;
import dev.corral.engine.VmState;
import java.net.URI;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The libvirt engine against libvirt's test driver: two hosts described by node files. */
class LibvirtTestDriverIT {

    private final LibvirtEngine engine = new LibvirtEngine("auto", "/var/lib/libvirt/images",
            System.getProperty("java.io.tmpdir"));
    private HostConnection hostA;
    private HostConnection hostB;

    static URI nodeUri(String file) {
        try {
            Path path = Path.of(LibvirtTestDriverIT.class.getResource("/libvirt/" + file).toURI()).toAbsolutePath();
            return URI.create("test://" + path);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @BeforeEach
    void connect() {
        hostA = engine.connect(nodeUri("host-a.xml"));
        hostB = engine.connect(nodeUri("host-b.xml"));
    }

    @AfterEach
    void close() {
        hostA.close();
        hostB.close();
    }

    private static VmSpec spec(String name, String switchName, VlanSetting vlan) {
        return new VmSpec(name, 2, 512, VmSpec.Architecture.X64,
                new VmSpec.GuestOs(VmSpec.GuestOs.Family.LINUX, "Debian 12"),
                List.of(new VmSpec.Disk("system", VmSpec.DiskKind.DYNAMIC, VmSpec.Bus.SCSI, 20, null, null)),
                List.of(new VmSpec.NetworkAdapter(AdapterType.SYNTHETIC, switchName, vlan, null)),
                EnumSet.of(IntegrationService.HEARTBEAT, IntegrationService.SHUTDOWN));
    }

    private static VmSpec spec(String name) {
        return spec(name, "int-lab", null);
    }

    @Test
    void theHostDescribesItselfFromItsNodeFile() {
        HostFacts facts = hostA.facts();

        assertThat(engine.handles(hostA.uri())).isTrue();
        assertThat(engine.handles(URI.create("sim://x"))).isFalse();
        assertThat(facts.logicalProcessors()).isEqualTo(8);
        assertThat(facts.sockets() * facts.coresPerSocket() * facts.threadsPerCore()).isEqualTo(8);
        assertThat(facts.memoryTotalMiB()).isEqualTo(16384);
        assertThat(facts.memoryFreeMiB()).as("total minus the running legacy VM").isEqualTo(16384 - 1024);
        assertThat(facts.hypervisor()).startsWith("TEST");
        assertThat(facts.adapters()).extracting(HostFacts.PhysicalAdapter::name, HostFacts.PhysicalAdapter::mac)
                .as("loopback is not an adapter").containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("eth0", "52:54:00:aa:00:01"),
                        org.assertj.core.groups.Tuple.tuple("eth1", "52:54:00:aa:00:02"));
        assertThat(hostA.capabilities().supports(Capability.INTEGRATION_SERVICE_STATUS)).isFalse();
        assertThat(hostA.capabilities().whyNot(Capability.INTEGRATION_SERVICE_STATUS)).hasValueSatisfying(
                reason -> assertThat(reason).contains("test driver has no guest agent"));
        assertThat(hostA.capabilities().whyNot(Capability.CONSOLE)).contains(
                "libvirt's test driver has no displays, so it cannot show a VM's screen.");
        java.util.UUID running = hostA.listVms().stream().filter(vm -> vm.name().equals("legacy-running"))
                .findFirst().orElseThrow().id();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> hostA.openConsole(running))
                .isInstanceOf(dev.corral.engine.EngineException.Unsupported.class)
                .hasMessage("libvirt's test driver has no displays, so it cannot show a VM's screen.");
        assertThat(hostA.listVms()).extracting(VmInfo::name, VmInfo::state).contains(
                org.assertj.core.groups.Tuple.tuple("legacy-running", VmState.RUNNING),
                org.assertj.core.groups.Tuple.tuple("legacy-off", VmState.OFF));
        assertThat(hostA.switches()).extracting(VirtualSwitch::name, VirtualSwitch::kind).contains(
                org.assertj.core.groups.Tuple.tuple("ext-lan", VirtualSwitch.Kind.EXTERNAL),
                org.assertj.core.groups.Tuple.tuple("int-lab", VirtualSwitch.Kind.INTERNAL));
    }

    @Test
    void aVmGoesThroughItsLifecycle() {
        VmSpec spec = spec("web01");
        VmInfo defined = hostA.define(spec);
        UUID id = defined.id();

        assertThat(defined.state()).isEqualTo(VmState.OFF);
        assertThat(defined.spec()).isEqualTo(spec);
        assertThat(hostA.vm(id).spec()).isEqualTo(spec);
        assertThatThrownBy(() -> hostA.save(id)).isInstanceOf(EngineException.InvalidState.class)
                .hasMessage("VM web01 is off; only a running or paused VM can be saved.");
        assertThat(hostA.start(id).state()).isEqualTo(VmState.RUNNING);
        assertThat(hostA.pause(id).state()).isEqualTo(VmState.PAUSED);
        assertThat(hostA.resume(id).state()).isEqualTo(VmState.RUNNING);
        assertThat(hostA.reset(id).state()).isEqualTo(VmState.RUNNING);
        assertThatThrownBy(() -> hostA.delete(id)).isInstanceOf(EngineException.InvalidState.class);
        assertThat(hostA.save(id).state()).isEqualTo(VmState.SAVED);
        assertThat(hostA.start(id).state()).as("start restores a saved VM").isEqualTo(VmState.RUNNING);
        assertThat(hostA.vm(id).integration()).filteredOn(s -> s.service() == IntegrationService.HEARTBEAT)
                .extracting(VmInfo.IntegrationStatus::status).containsExactly(VmInfo.IntegrationStatus.Status.NOT_REPORTED);
        assertThat(hostA.turnOff(id).state()).isEqualTo(VmState.OFF);
        assertThat(hostA.vm(id).integration()).filteredOn(s -> s.service() == IntegrationService.HEARTBEAT)
                .extracting(VmInfo.IntegrationStatus::status).containsExactly(VmInfo.IntegrationStatus.Status.NOT_RUNNING);
        hostA.delete(id);

        assertThat(hostA.listVms()).extracting(VmInfo::id).doesNotContain(id);
        assertThatThrownBy(() -> hostA.vm(id)).isInstanceOf(EngineException.NotFound.class);
    }

    @Test
    void namesAreUniqueAndCapacityIsChecked() {
        hostA.define(spec("twin"));
        VmSpec greedy = new VmSpec("greedy", 9, 512, VmSpec.Architecture.X64, spec("x").guestOs(), List.of(), List.of(),
                null);
        VmSpec huge = new VmSpec("huge", 1, 16000, VmSpec.Architecture.X64, spec("x").guestOs(), List.of(), List.of(),
                null);

        assertThatThrownBy(() -> hostA.define(spec("twin"))).isInstanceOf(EngineException.InvalidSpec.class)
                .hasMessageContaining("twin");
        assertThatThrownBy(() -> hostA.define(greedy)).isInstanceOf(EngineException.Capacity.class)
                .hasMessageContaining("8 logical processors");
        UUID hugeId = hostA.define(huge).id();
        assertThatThrownBy(() -> hostA.start(hugeId)).isInstanceOf(EngineException.Capacity.class)
                .hasMessageContaining("MiB free");
        assertThat(hostA.vm(hugeId).state()).isEqualTo(VmState.OFF);
    }

    @Test
    void processorsAndMemoryChangeOnlyWhileOffAndRenamingWorks() {
        UUID id = hostA.define(spec("resize")).id();
        VmSpec bigger = new VmSpec("resized", 1, 1024, VmSpec.Architecture.X64, spec("x").guestOs(), List.of(),
                List.of(new VmSpec.NetworkAdapter(AdapterType.LEGACY, "ext-lan", null, null)), null);

        VmInfo updated = hostA.update(id, bigger);
        assertThat(updated.spec()).isEqualTo(bigger);
        assertThat(updated.id()).isEqualTo(id);

        hostA.start(id);
        VmSpec evenBigger = new VmSpec("resized", 1, 2048, VmSpec.Architecture.X64, spec("x").guestOs(), List.of(),
                bigger.networkAdapters(), null);
        assertThatThrownBy(() -> hostA.update(id, evenBigger)).isInstanceOf(EngineException.InvalidState.class);
        VmSpec otherOs = new VmSpec("resized", 1, 1024, VmSpec.Architecture.X64,
                new VmSpec.GuestOs(VmSpec.GuestOs.Family.WINDOWS, "Windows Server 2022"), List.of(),
                bigger.networkAdapters(), null);
        assertThat(hostA.update(id, otherOs).spec()).as("other changes are allowed while running").isEqualTo(otherOs);
        assertThat(hostA.vm(id).state()).isEqualTo(VmState.RUNNING);
    }

    @Test
    void snapshotsFormATree() {
        UUID id = hostA.define(spec("snaps")).id();
        hostA.start(id);
        SnapshotInfo first = hostA.createSnapshot(id, "first");
        SnapshotInfo second = hostA.createSnapshot(id, "second");

        assertThat(first.parentId()).isNull();
        assertThat(second.parentId()).isEqualTo("first");
        assertThat(second.current()).isTrue();
        assertThat(second.createdAt()).isNotNull();
        assertThat(second.vmState()).isEqualTo(VmState.RUNNING);
        assertThatThrownBy(() -> hostA.createSnapshot(id, "bad/name")).isInstanceOf(EngineException.InvalidSpec.class);

        hostA.turnOff(id);
        assertThat(hostA.applySnapshot(id, "first").state()).isEqualTo(VmState.RUNNING);
        assertThat(hostA.snapshots(id)).filteredOn(SnapshotInfo::current).extracting(SnapshotInfo::id)
                .containsExactly("first");
        SnapshotInfo branch = hostA.createSnapshot(id, "branch");
        assertThat(branch.parentId()).isEqualTo("first");

        hostA.deleteSnapshot(id, "second", false);
        hostA.deleteSnapshot(id, "first", true);
        assertThat(hostA.snapshots(id)).isEmpty();
        assertThatThrownBy(() -> hostA.applySnapshot(id, "first")).isInstanceOf(EngineException.NotFound.class);
    }

    @Test
    void aPassThroughDiskRulesOutSnapshots() {
        VmSpec base = spec("lun");
        UUID id = hostA.define(new VmSpec("lun", 1, 256, base.architecture(), base.guestOs(),
                List.of(new VmSpec.Disk("data", VmSpec.DiskKind.PASS_THROUGH, VmSpec.Bus.SCSI, 0, "/dev/disk/by-id/wwn-0x5000c500a1b2c3d4", null)),
                List.of(), null)).id();

        assertThatThrownBy(() -> hostA.createSnapshot(id, "nope")).isInstanceOf(EngineException.Unsupported.class)
                .hasMessage("VM lun has a pass-through disk, which rules out snapshots.");
    }

    @Test
    void switchesAndVlans() {
        hostA.createSwitch(new VirtualSwitch("lab-private", VirtualSwitch.Kind.PRIVATE, null, null));
        assertThat(hostA.switches()).contains(new VirtualSwitch("lab-private", VirtualSwitch.Kind.PRIVATE, null, null));

        assertThatThrownBy(() -> hostA.define(spec("tagged-private", "lab-private", new VlanSetting.Access(42))))
                .isInstanceOf(EngineException.InvalidSpec.class)
                .hasMessageContaining("VLAN tags need an external (Open vSwitch) switch on libvirt hosts");
        assertThatThrownBy(() -> hostA.define(spec("lost", "no-such-switch", null)))
                .isInstanceOf(EngineException.InvalidSpec.class).hasMessageContaining("no-such-switch");
        VmInfo tagged = hostA.define(spec("tagged", "ext-lan", new VlanSetting.Access(42)));
        assertThat(hostA.vm(tagged.id()).spec().networkAdapters().getFirst().vlan()).isEqualTo(new VlanSetting.Access(42));

        VmInfo wired = hostA.define(spec("wired", "lab-private", null));
        assertThatThrownBy(() -> hostA.deleteSwitch("lab-private")).isInstanceOf(EngineException.InvalidState.class)
                .hasMessageContaining("wired");
        hostA.delete(wired.id());
        hostA.deleteSwitch("lab-private");
        assertThat(hostA.switches()).extracting(VirtualSwitch::name).doesNotContain("lab-private");
    }

    @Test
    void switchesRestrictVlansAndExternalOnesNeedARealAdapter() {
        hostA.createSwitch(new VirtualSwitch("uplink", VirtualSwitch.Kind.EXTERNAL, "eth1",
                new java.util.TreeSet<>(List.of(100, 200))));

        assertThat(hostA.switches()).contains(new VirtualSwitch("uplink", VirtualSwitch.Kind.EXTERNAL, "eth1",
                new java.util.TreeSet<>(List.of(100, 200))));
        assertThatThrownBy(() -> hostA.define(spec("v42", "uplink", new VlanSetting.Access(42))))
                .isInstanceOf(EngineException.InvalidSpec.class).hasMessageContaining("uplink");
        assertThat(hostA.define(spec("v100", "uplink", new VlanSetting.Access(100))).state()).isEqualTo(VmState.OFF);
        assertThatThrownBy(() -> hostA.createSwitch(new VirtualSwitch("wifi", VirtualSwitch.Kind.EXTERNAL, "wlan9", null)))
                .isInstanceOf(EngineException.InvalidSpec.class).hasMessageContaining("wlan9");
        assertThatThrownBy(() -> hostA.deleteSwitch("nope")).isInstanceOf(EngineException.NotFound.class);
        assertThatThrownBy(() -> hostA.createSwitch(new VirtualSwitch("second", VirtualSwitch.Kind.EXTERNAL, "eth0",
                null))).isInstanceOf(EngineException.InvalidSpec.class)
                .hasMessage("Adapter eth0 already backs switch ext-lan.");
    }

    @Test
    void quickMigrationMovesARunningVmAndKeepsItRunning() {
        UUID id = hostA.define(spec("mover", "ext-lan", new VlanSetting.Access(42))).id();
        hostA.start(id);

        VmInfo moved = hostA.quickMigrate(id, hostB);

        assertThat(moved.id()).isEqualTo(id);
        assertThat(moved.state()).isEqualTo(VmState.RUNNING);
        assertThat(moved.spec()).isEqualTo(spec("mover", "ext-lan", new VlanSetting.Access(42)));
        assertThat(hostB.vm(id).state()).isEqualTo(VmState.RUNNING);
        assertThat(hostA.listVms()).extracting(VmInfo::id).doesNotContain(id);
        assertThat(Path.of(System.getProperty("java.io.tmpdir"), "corral-migration-" + id + ".sav")).doesNotExist();
    }

    @Test
    void quickMigrationKeepsPausedSavedAndOffStates() {
        UUID paused = hostA.define(spec("paused")).id();
        hostA.start(paused);
        hostA.pause(paused);
        UUID saved = hostA.define(spec("saved")).id();
        hostA.start(saved);
        hostA.save(saved);
        UUID off = hostA.define(spec("off")).id();

        assertThat(hostA.quickMigrate(paused, hostB).state()).isEqualTo(VmState.PAUSED);
        assertThat(hostA.quickMigrate(saved, hostB).state()).isEqualTo(VmState.SAVED);
        assertThat(hostA.quickMigrate(off, hostB).state()).isEqualTo(VmState.OFF);
        assertThat(hostB.start(saved).state()).isEqualTo(VmState.RUNNING);
        assertThat(hostA.listVms()).extracting(VmInfo::id).doesNotContain(paused, saved, off);
    }

    @Test
    void aMigrationTheTargetRefusesLeavesTheVmWhereItWas() {
        UUID id = hostA.define(spec("legacy-running-twin")).id();
        hostB.define(spec("legacy-running-twin"));
        hostA.start(id);

        assertThatThrownBy(() -> hostA.quickMigrate(id, hostB)).isInstanceOf(EngineException.InvalidSpec.class);
        assertThat(hostA.vm(id).state()).isEqualTo(VmState.RUNNING);
    }

    @Test
    void lifecycleEventsReachSubscribers() throws Exception {
        LinkedBlockingQueue<LifecycleEvent> events = new LinkedBlockingQueue<>();
        try (AutoCloseable subscription = hostA.subscribe(events::add)) {
            UUID id = hostA.define(spec("events")).id();
            hostA.start(id);

            LifecycleEvent defined = null;
            LifecycleEvent running = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (running == null && System.nanoTime() < deadline) {
                LifecycleEvent event = events.poll(200, TimeUnit.MILLISECONDS);
                if (event != null && id.equals(event.vmId())) {
                    defined = event.kind() == LifecycleEvent.Kind.DEFINED ? event : defined;
                    running = event.kind() == LifecycleEvent.Kind.STATE_CHANGED && event.state() == VmState.RUNNING
                            ? event : null;
                }
            }
            assertThat(defined).as("an event saying the VM was defined").isNotNull();
            assertThat(running).as("an event saying the VM runs").isNotNull();
            assertThat(running.host()).isEqualTo(hostA.uri());
            assertThat(running.vmName()).isEqualTo("events");
        }
    }

    @Test
    void aDeadConnectionIsReportedAndReopenedOnALaterCall() throws Exception {
        LibvirtHost host = ((LibvirtHostConnection) hostA).host();
        org.libvirt.Connect dead = host.link.current();
        host.events.unregister(dead);
        dead.close();

        assertThatThrownBy(hostA::listVms).isInstanceOf(EngineException.HostUnreachable.class)
                .hasMessageContaining("host-a.xml");
        assertThat(hostA.listVms()).extracting(VmInfo::name).contains("legacy-running");
    }

    @Test
    void aHostThatDoesNotAnswerIsUnreachable() {
        assertThatThrownBy(() -> engine.connect(URI.create("qemu+tcp://127.0.0.1:1/system")))
                .isInstanceOf(EngineException.HostUnreachable.class).hasMessageContaining("127.0.0.1");
    }
}
