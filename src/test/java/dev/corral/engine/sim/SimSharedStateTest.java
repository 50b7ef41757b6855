package dev.corral.engine.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.corral.engine.EngineException;
import dev.corral.engine.HostConnection;
import dev.corral.engine.IntegrationService;
import dev.corral.engine.VmInfo;
import dev.corral.engine.VmSpec;
import dev.corral.engine.VmState;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * Several Corral processes on one simulator state folder ({@code corral.simulator.shared}): each
 * sees what the others did, and the host's rules hold across them. Two engines in one JVM stand
 * for two processes; one test starts a second JVM.
 */
class SimSharedStateTest {

    private static final URI HOST_A = URI.create("sim://host-a");

    @TempDir
    Path stateDir;

    @Test
    void aVmDefinedThroughOneProcessIsSeenThroughTheOther() {
        HostConnection a = shared(Duration.ofMillis(1)).connect(HOST_A);
        HostConnection b = shared(Duration.ofMillis(1)).connect(HOST_A);
        assertThat(b.listVms()).isEmpty();

        UUID id = a.define(spec("web01")).id();

        assertThat(b.listVms()).extracting(VmInfo::name).containsExactly("web01");
        assertThat(b.vm(id).state()).isEqualTo(VmState.OFF);
    }

    @Test
    void aVmStartedThroughOneProcessRunsForTheOther() {
        HostConnection a = shared(Duration.ofMillis(1)).connect(HOST_A);
        HostConnection b = shared(Duration.ofMillis(1)).connect(HOST_A);
        UUID id = a.define(spec("app01")).id();

        assertThat(b.start(id).state()).isEqualTo(VmState.RUNNING);

        assertThat(a.vm(id).state()).isEqualTo(VmState.RUNNING);
        assertThat(a.shutdown(id).state()).isEqualTo(VmState.OFF);
        assertThat(b.vm(id).state()).isEqualTo(VmState.OFF);
        b.start(id);
        assertThat(a.turnOff(id).state()).isEqualTo(VmState.OFF);
        assertThat(b.vm(id).state()).isEqualTo(VmState.OFF);
    }

    @Test
    void anOperationUnderWayInOneProcessIsSeenAndRespectedByTheOther() throws Exception {
        HostConnection a = shared(Duration.ofMillis(400)).connect(HOST_A);
        HostConnection b = shared(Duration.ofMillis(400)).connect(HOST_A);
        UUID id = a.define(spec("slow")).id();

        CompletableFuture<VmInfo> starting = CompletableFuture.supplyAsync(() -> a.start(id));
        awaitState(b, id, VmState.STARTING);
        assertThatThrownBy(() -> b.turnOff(id)).as("one operation per VM at a time, across processes")
                .isInstanceOf(EngineException.InvalidState.class).hasMessageContaining("starting");

        assertThat(starting.get(5, TimeUnit.SECONDS).state()).isEqualTo(VmState.RUNNING);
        assertThat(b.vm(id).state()).isEqualTo(VmState.RUNNING);
    }

    @Test
    void aNameTakenThroughOneProcessIsRefusedThroughTheOther() {
        HostConnection a = shared(Duration.ofMillis(1)).connect(HOST_A);
        HostConnection b = shared(Duration.ofMillis(1)).connect(HOST_A);
        a.define(spec("db01"));

        assertThatThrownBy(() -> b.define(spec("DB01"))).isInstanceOf(EngineException.InvalidSpec.class)
                .hasMessageContaining("already has a VM named");
        assertThat(a.listVms()).hasSize(1);
    }

    @Test
    void concurrentDefinitionsThroughBothProcessesLoseNothingAndKeepNamesUnique() throws Exception {
        HostConnection a = shared(Duration.ofMillis(1)).connect(HOST_A);
        HostConnection b = shared(Duration.ofMillis(1)).connect(HOST_A);
        int threadsPerSide = 8;
        int vmsPerThread = 5;
        ExecutorService pool = Executors.newFixedThreadPool(2 * threadsPerSide);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> work = new ArrayList<>();
        List<Future<Boolean>> contested = new ArrayList<>();
        try {
            for (int t = 0; t < threadsPerSide; t++) {
                for (HostConnection side : List.of(a, b)) {
                    String prefix = (side == a ? "a" : "b") + t + "-";
                    work.add(pool.submit(() -> {
                        go.await();
                        for (int i = 0; i < vmsPerThread; i++) {
                            side.define(spec(prefix + i));
                        }
                        return null;
                    }));
                    contested.add(pool.submit(() -> {
                        go.await();
                        try {
                            side.define(spec("contested"));
                            return true;
                        } catch (EngineException.InvalidSpec e) {
                            return false;
                        }
                    }));
                }
            }
            go.countDown();
            for (Future<?> f : work) {
                f.get(30, TimeUnit.SECONDS);
            }
            int winners = 0;
            for (Future<Boolean> f : contested) {
                winners += f.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(winners).as("defines of one name that succeeded").isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }

        List<VmInfo> seenByAThirdProcess = shared(Duration.ofMillis(1)).connect(HOST_A).listVms();
        assertThat(seenByAThirdProcess).hasSize(2 * threadsPerSide * vmsPerThread + 1);
        assertThat(seenByAThirdProcess).extracting(VmInfo::name).doesNotHaveDuplicates();
        assertThat(a.listVms()).hasSameSizeAs(seenByAThirdProcess);
        assertThat(b.listVms()).hasSameSizeAs(seenByAThirdProcess);
    }

    @Test
    void anotherJvmOnTheSameFolderLosesNothing() throws Exception {
        HostConnection here = shared(Duration.ofMillis(1)).connect(HOST_A);
        int each = 40;
        Process other = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), OtherProcess.class.getName(), stateDir.toString(),
                String.valueOf(each))
                .redirectErrorStream(true).redirectOutput(stateDir.resolve("other.log").toFile()).start();
        try {
            awaitStarted(other);
            for (int i = 0; i < each; i++) {
                here.define(spec("here-" + i));
            }
            assertThat(other.waitFor(60, TimeUnit.SECONDS)).as("the other JVM finished").isTrue();
            assertThat(other.exitValue()).as(Files.readString(stateDir.resolve("other.log"))).isZero();
        } finally {
            other.destroyForcibly();
        }

        List<VmInfo> all = shared(Duration.ofMillis(1)).connect(HOST_A).listVms();
        assertThat(all).hasSize(2 * each);
        assertThat(here.listVms()).hasSize(2 * each);
    }

    @Test
    void aStateFileWrittenBeforeGenerationsIsStillRead() throws IOException {
        HostConnection before = SimulatorFixtures.twoHosts(stateDir).connect(HOST_A);
        UUID id = before.define(spec("old")).id();
        Path file = stateDir.resolve("host-a.json");
        String json = Files.readString(file);
        assertThat(json).startsWith("{\"generation\":");
        Files.writeString(file, json.replaceFirst("\"generation\":\\d+,", ""));

        HostConnection a = shared(Duration.ofMillis(1)).connect(HOST_A);
        HostConnection b = shared(Duration.ofMillis(1)).connect(HOST_A);
        a.start(id);

        assertThat(b.vm(id).state()).isEqualTo(VmState.RUNNING);
    }

    @Test
    void withoutSharingEachProcessKeepsItsOwnViewAndNoLockFile() throws IOException {
        HostConnection a = SimulatorFixtures.twoHosts(stateDir).connect(HOST_A);
        HostConnection b = SimulatorFixtures.twoHosts(stateDir).connect(HOST_A);

        a.define(spec("mine"));

        assertThat(b.listVms()).as("read once at boot, as before").isEmpty();
        try (Stream<Path> files = Files.list(stateDir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(name -> name.endsWith(".lock"));
        }
    }

    @Test
    void sharingIsOffUnlessConfigured() {
        Binder unset = new Binder(new MapConfigurationPropertySource(Map.of("corral.simulator.state-dir", "x")));
        Binder shared = new Binder(new MapConfigurationPropertySource(Map.of("corral.simulator.shared", "true")));

        assertThat(unset.bind("corral.simulator", SimulatorProperties.class).get().shared()).isFalse();
        assertThat(shared.bind("corral.simulator", SimulatorProperties.class).get().shared()).isTrue();
    }

    private SimulatorEngine shared(Duration delay) {
        return new SimulatorEngine(new SimulatorProperties(stateDir, delay, List.of(SimulatorFixtures.host("host-a")), true),
                Clock.systemUTC());
    }

    private static VmSpec spec(String name) {
        return new VmSpec(name, 1, 512, VmSpec.Architecture.X64, new VmSpec.GuestOs(VmSpec.GuestOs.Family.LINUX, null),
                List.of(), List.of(), EnumSet.allOf(IntegrationService.class));
    }

    private static void awaitState(HostConnection host, UUID id, VmState state) throws InterruptedException {
        for (int i = 0; i < 200 && host.vm(id).state() != state; i++) {
            Thread.sleep(5);
        }
        assertThat(host.vm(id).state()).isEqualTo(state);
    }

    /** Waits until the other JVM has connected, so that both really define at the same time. */
    private void awaitStarted(Process other) throws InterruptedException {
        File ready = stateDir.resolve("other.ready").toFile();
        for (int i = 0; i < 1000 && !ready.exists() && other.isAlive(); i++) {
            Thread.sleep(10);
        }
        assertThat(ready).as("the other JVM connected").exists();
    }

    /** The second process: defines {@code count} VMs on host-a in the given state folder. */
    static final class OtherProcess {

        public static void main(String[] args) throws IOException {
            Path folder = Path.of(args[0]);
            int count = Integer.parseInt(args[1]);
            HostConnection host = new SimulatorEngine(new SimulatorProperties(folder, Duration.ofMillis(1),
                    List.of(SimulatorFixtures.host("host-a")), true), Clock.systemUTC()).connect(HOST_A);
            Files.createFile(folder.resolve("other.ready"));
            for (int i = 0; i < count; i++) {
                host.define(spec("there-" + i));
            }
            System.exit(0);
        }
    }
}
