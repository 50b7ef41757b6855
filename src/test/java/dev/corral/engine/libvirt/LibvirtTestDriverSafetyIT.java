package dev.corral.engine.libvirt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.corral.engine.EngineException;
import dev.corral.engine.HostConnection;
import dev.corral.engine.IntegrationService;
import dev.corral.engine.VmInfo;
import dev.corral.engine.VmSpec;
import dev.corral.engine.VmState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.libvirt.Connect;
import org.libvirt.LibvirtException;

/** The libvirt engine's connection handling, locking and migration rollback, on the test driver. */
class LibvirtTestDriverSafetyIT {

    private static final String TMP = System.getProperty("java.io.tmpdir");

    private final LibvirtEngine engine = new LibvirtEngine("auto", "/var/lib/libvirt/images", TMP);
    private HostConnection hostA;
    private HostConnection hostB;

    @BeforeEach
    void connect() {
        hostA = engine.connect(LibvirtTestDriverIT.nodeUri("host-a.xml"));
        hostB = engine.connect(LibvirtTestDriverIT.nodeUri("host-b.xml"));
    }

    @AfterEach
    void close() {
        hostA.close();
        hostB.close();
    }

    private static LibvirtHost host(HostConnection connection) {
        return ((LibvirtHostConnection) connection).host();
    }

    private static VmSpec spec(String name, long memoryMiB, Set<IntegrationService> services) {
        return new VmSpec(name, 1, memoryMiB, VmSpec.Architecture.X64,
                new VmSpec.GuestOs(VmSpec.GuestOs.Family.LINUX, "Debian 12"), List.of(), List.of(), services);
    }

    private static VmSpec spec(String name) {
        return spec(name, 256, Set.of(IntegrationService.SHUTDOWN));
    }

    @Test
    void aDroppedConnectionLosesItsListenerBeforeItIsClosed() throws Exception {
        List<Boolean> aliveWhenUnregistered = new ArrayList<>();
        LibvirtLink link = new LibvirtLink(hostA.uri(), "a", c -> { }, c -> aliveWhenUnregistered.add(alive(c)));

        link.drop(link.current());
        link.call("Could not list", Connect::listDefinedDomains);
        link.close();

        assertThat(aliveWhenUnregistered).containsExactly(true, true);
    }

    @Test
    void theListenerIsOnTheLiveConnectionOnly() {
        LibvirtHost a = host(hostA);
        Connect first = a.link.current();
        assertThat(a.events.registeredOn()).singleElement().isSameAs(first);

        a.link.drop(first);
        hostA.listVms();

        assertThat(a.events.registeredOn()).singleElement().isSameAs(a.link.current()).isNotSameAs(first);
        hostA.close();
        assertThat(a.events.registeredOn()).isEmpty();
    }

    @Test
    void anOrdinarySystemErrorKeepsTheConnection() {
        LibvirtEngine noDir = new LibvirtEngine("auto", "/var/lib/libvirt/images", "/nonexistent-corral-dir");
        try (HostConnection a = noDir.connect(LibvirtTestDriverIT.nodeUri("host-a.xml"));
                HostConnection b = noDir.connect(LibvirtTestDriverIT.nodeUri("host-b.xml"))) {
            UUID id = a.define(spec("saver")).id();
            a.start(id);
            Connect before = host(a).link.current();

            assertThatThrownBy(() -> a.quickMigrate(id, b)).isInstanceOf(EngineException.Failed.class)
                    .hasMessageContaining("/nonexistent-corral-dir");

            assertThat(host(a).link.current()).as("the same, healthy connection").isSameAs(before);
            assertThat(a.vm(id).state()).isEqualTo(VmState.RUNNING);
        }
    }

    @Test
    void callsRunSafelyWhileConnectionsAreDropped() throws Exception {
        LibvirtHost a = host(hostA);
        AtomicInteger answered = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> callers = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                callers.add(pool.submit(() -> {
                    for (int i = 0; i < 200; i++) {
                        try {
                            hostA.listVms();
                            answered.incrementAndGet();
                        } catch (EngineException.HostUnreachable e) {
                            // reconnecting: expected now and then
                        }
                    }
                    return null;
                }));
            }
            for (int i = 0; i < 40; i++) {
                Connect current = a.link.current();
                if (current != null) {
                    a.link.drop(current);
                }
                Thread.sleep(2);
            }
            for (Future<?> caller : callers) {
                caller.get();
            }
        } finally {
            pool.shutdownNow();
        }
        hostA.listVms();
        assertThat(answered).hasPositiveValue();
        assertThat(a.events.registeredOn()).singleElement().isSameAs(a.link.current());
    }

    @Test
    void aVmBusyWithAnOperationRefusesAnother() throws Exception {
        UUID id = hostA.define(spec("busy")).id();
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = new Thread(() -> host(hostA).exclusively(id, () -> {
            inside.countDown();
            await(release);
            return null;
        }));
        holder.start();
        inside.await();

        assertThatThrownBy(() -> hostA.start(id)).isInstanceOf(EngineException.InvalidState.class)
                .hasMessageContaining("busy");

        release.countDown();
        holder.join();
        assertThat(hostA.start(id).state()).isEqualTo(VmState.RUNNING);
    }

    @Test
    void twoStartsCannotBothTakeTheLastMemory() throws Exception {
        UUID first = hostA.define(spec("big1", 9 * 1024, Set.of())).id();
        UUID second = hostA.define(spec("big2", 9 * 1024, Set.of())).id();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 20; round++) {
                CyclicBarrier barrier = new CyclicBarrier(2);
                Future<VmState> one = pool.submit(() -> startAfter(barrier, first));
                Future<VmState> two = pool.submit(() -> startAfter(barrier, second));
                assertThat(List.of(one.get(), two.get())).as("round " + round)
                        .containsExactlyInAnyOrder(VmState.RUNNING, VmState.OFF);
                for (UUID id : List.of(first, second)) {
                    if (hostA.vm(id).state() == VmState.RUNNING) {
                        hostA.turnOff(id);
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private VmState startAfter(CyclicBarrier barrier, UUID id) throws Exception {
        barrier.await();
        try {
            return hostA.start(id).state();
        } catch (EngineException.Capacity e) {
            return VmState.OFF;
        }
    }

    @Test
    void aTargetThatMayHoldTheVmKeepsItFromRunningTwice() throws Exception {
        UUID id = hostA.define(spec("twice")).id();
        hostA.start(id);
        LibvirtHost a = host(hostA);
        LibvirtHost b = host(hostB);
        Path file = Path.of(TMP, "corral-migration-" + id + ".sav");
        QuickMigration lostTarget = new QuickMigration(a, b) {
            @Override
            void restoreOnTarget(UUID vm, VmSpec spec, String xml, Path save, VmState state) {
                super.restoreOnTarget(vm, spec, xml, save, state);
                b.link.close();
                throw new EngineException.HostUnreachable("Host b does not answer.", null);
            }
        };
        try {
            assertThatThrownBy(() -> lostTarget.migrate(id)).isInstanceOf(EngineException.Failed.class)
                    .hasMessageContaining("did not restore it on host").hasMessageContaining(file.toString());

            assertThat(hostA.vm(id).state()).as("not restored on the source").isEqualTo(VmState.OFF);
            assertThat(file).exists();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void aTargetThatRefusedGetsCleanedAndTheVmRunsOnAtTheSource() {
        UUID id = hostA.define(spec("refused")).id();
        hostA.start(id);
        LibvirtHost b = host(hostB);
        QuickMigration refusing = new QuickMigration(host(hostA), b) {
            @Override
            void restoreOnTarget(UUID vm, VmSpec spec, String xml, Path save, VmState state) {
                b.call("Could not define", dst -> {
                    Natives.free(dst.domainDefineXML(xml));
                    return null;
                });
                throw new EngineException.Failed("Host b refused.", null);
            }
        };

        assertThatThrownBy(() -> refusing.migrate(id)).isInstanceOf(EngineException.Failed.class)
                .hasMessageContaining("It stays on host");

        assertThat(hostA.vm(id).state()).isEqualTo(VmState.RUNNING);
        assertThat(hostB.listVms()).extracting(VmInfo::id).doesNotContain(id);
        assertThat(Path.of(TMP, "corral-migration-" + id + ".sav")).doesNotExist();
    }

    @Test
    void namesAreUniqueRegardlessOfCase() {
        UUID id = hostA.define(spec("Web01")).id();
        hostA.createSnapshot(id, "Before");
        hostA.createSwitch(new dev.corral.engine.VirtualSwitch("Lab", dev.corral.engine.VirtualSwitch.Kind.PRIVATE,
                null, null));

        assertThatThrownBy(() -> hostA.define(spec("WEB01"))).isInstanceOf(EngineException.InvalidSpec.class)
                .hasMessageContaining("Web01");
        assertThatThrownBy(() -> hostA.createSnapshot(id, "before")).isInstanceOf(EngineException.InvalidSpec.class);
        assertThatThrownBy(() -> hostA.createSwitch(new dev.corral.engine.VirtualSwitch("LAB",
                dev.corral.engine.VirtualSwitch.Kind.INTERNAL, null, null)))
                .isInstanceOf(EngineException.InvalidSpec.class);
    }

    /**
     * Image paths are predictable (a renamed VM keeps web01-data.qcow2): another domain's image,
     * named or chosen, is never given to a second VM, nor is a disk another VM writes used as a parent.
     */
    @Test
    void anImageAnotherDomainUsesIsNotGivenToASecondVm() {
        VmSpec.Disk data = new VmSpec.Disk("data", VmSpec.DiskKind.DYNAMIC, VmSpec.Bus.SCSI, 1, null, null);
        UUID first = hostA.define(withDisks(spec("img-first"), data)).id();
        hostA.update(first, withDisks(spec("img-renamed"), data));

        assertThatThrownBy(() -> hostA.define(withDisks(spec("img-first"), data)))
                .isInstanceOf(EngineException.InvalidSpec.class)
                .hasMessage("VM img-first: /var/lib/libvirt/images/img-first-data.qcow2 is already used by VM img-renamed "
                        + "on host " + host(hostA).label + ".");
        assertThatThrownBy(() -> hostA.define(withDisks(spec("img-named"), new VmSpec.Disk("system", VmSpec.DiskKind.FIXED,
                VmSpec.Bus.IDE, 1, "/var/lib/libvirt/images//img-first-data.qcow2", null))))
                .isInstanceOf(EngineException.InvalidSpec.class).hasMessageContaining("already used by VM img-renamed");
        assertThatThrownBy(() -> hostA.define(withDisks(spec("img-child"), new VmSpec.Disk("diff",
                VmSpec.DiskKind.DIFFERENCING, VmSpec.Bus.IDE, 1, null, "/var/lib/libvirt/images/img-first-data.qcow2"))))
                .isInstanceOf(EngineException.InvalidSpec.class).hasMessageContaining("VM img-renamed");
        assertThat(hostA.listVms()).extracting(VmInfo::name).doesNotContain("img-first", "img-named", "img-child");
    }

    private static VmSpec withDisks(VmSpec spec, VmSpec.Disk... disks) {
        return new VmSpec(spec.name(), spec.vcpus(), spec.memoryMiB(), spec.architecture(), spec.guestOs(), List.of(disks),
                spec.networkAdapters(), spec.integrationServices());
    }

    @Test
    void theSimulatorsRulesHold() {
        assertThatThrownBy(() -> hostA.define(spec("huge", 20_000, Set.of())))
                .isInstanceOf(EngineException.Capacity.class).hasMessageContaining("16384 MiB");
        UUID id = hostA.define(spec("rules", 256, Set.of())).id();
        assertThatThrownBy(() -> hostA.turnOff(id)).isInstanceOf(EngineException.InvalidState.class);
        hostA.start(id);
        assertThatThrownBy(() -> hostA.shutdown(id)).isInstanceOf(EngineException.InvalidState.class)
                .hasMessage("VM rules has the shutdown integration service off, so its guest cannot be asked to shut "
                        + "down; turn it off instead.");
        hostA.pause(id);
        assertThatThrownBy(() -> hostA.reset(id)).isInstanceOf(EngineException.InvalidState.class);
        assertThatThrownBy(() -> hostA.quickMigrate(id, hostA)).isInstanceOf(EngineException.Unsupported.class);
        assertThat(hostA.turnOff(id).state()).isEqualTo(VmState.OFF);
    }

    @Test
    void vmsCorralDidNotCreateAreNotRewritten() {
        VmInfo foreign = hostA.listVms().stream().filter(vm -> vm.name().equals("legacy-off")).findFirst().orElseThrow();

        assertThatThrownBy(() -> hostA.update(foreign.id(), foreign.spec().withName("renamed")))
                .isInstanceOf(EngineException.InvalidState.class).hasMessageContaining("not created by Corral");
    }

    private static boolean alive(Connect connect) {
        try {
            return connect.isAlive();
        } catch (LibvirtException e) {
            return false;
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
