package dev.corral.engine;

import dev.corral.engine.sim.SimulatorEngine;
import dev.corral.engine.sim.SimulatorProperties;
import dev.corral.engine.sim.SimulatorProperties.HostDefinition;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The engine benchmark: simulator throughput, and the time to list 10,000 VMs across 100 hosts
 * through each engine. Not part of the test run; run it with
 * {@code mvn test -Dtest=EngineBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * (add {@code -Dbenchmark.qemu=true} to include real QEMU through libvirtd). It writes
 * {@code target/benchmarks/engine.md}.
 */
class EngineBenchmark {

    static final int HOSTS = 100;
    static final int VMS_PER_HOST = 100;
    static final Path OUT = Path.of("target", "benchmarks");

    private final StringBuilder report = new StringBuilder();

    @Test
    void run() throws Exception {
        Files.createDirectories(OUT);
        line("# Engine benchmark");
        line("");
        line("Machine: " + Runtime.getRuntime().availableProcessors() + " cores, Java " + Runtime.version()
                + ", " + System.getProperty("os.name") + " " + System.getProperty("os.arch") + ", max heap "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB.");
        line("");
        simulatorThroughput();
        simulatorListing();
        LibvirtBenchmarks.run(this);
        Files.writeString(OUT.resolve("engine.md"), report);
        System.out.println(report);
    }

    void line(String text) {
        report.append(text).append('\n');
    }

    private void simulatorThroughput() throws Exception {
        Path dir = Files.createTempDirectory(OUT, "sim-ops");
        List<HostDefinition> hosts = new ArrayList<>();
        for (int h = 0; h < 4; h++) {
            hosts.add(host("ops-" + h));
        }
        SimulatorEngine engine = new SimulatorEngine(new SimulatorProperties(dir, Duration.ZERO, hosts), Clock.systemUTC());
        line("## Simulator throughput (operation delay 0, state persisted after every change)");
        line("");
        line("| threads | VMs per host | operations | seconds | operations/s |");
        line("|---|---|---|---|---|");
        for (int threads : new int[] {1, 4}) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            long start = System.nanoTime();
            List<Future<Integer>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                HostConnection host = engine.connect(URI.create("sim://ops-" + t));
                int round = threads;
                done.add(pool.submit(() -> lifecycleOps(host, "r" + round + "-", 100)));
            }
            int ops = 0;
            for (Future<Integer> f : done) {
                ops += f.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            pool.shutdown();
            line("| " + threads + " | 100 | " + ops + " | " + format(seconds) + " | " + Math.round(ops / seconds) + " |");
        }
        line("");
    }

    /** Defines VMs, then runs each through start, pause, resume, save, start, turn off, delete. */
    private static int lifecycleOps(HostConnection host, String prefix, int vms) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < vms; i++) {
            ids.add(host.define(spec(prefix + i)).id());
        }
        for (UUID id : ids) {
            host.start(id);
            host.pause(id);
            host.resume(id);
            host.save(id);
            host.start(id);
            host.turnOff(id);
            host.delete(id);
        }
        return vms * 8;
    }

    private void simulatorListing() throws IOException {
        Path dir = Files.createTempDirectory(OUT, "sim-list");
        List<HostDefinition> hosts = new ArrayList<>();
        for (int h = 0; h < HOSTS; h++) {
            hosts.add(host("list-" + h));
        }
        SimulatorEngine engine = new SimulatorEngine(new SimulatorProperties(dir, Duration.ZERO, hosts), Clock.systemUTC());
        List<HostConnection> connections = new ArrayList<>();
        long seedStart = System.nanoTime();
        for (int h = 0; h < HOSTS; h++) {
            HostConnection host = engine.connect(URI.create("sim://list-" + h));
            for (int v = 0; v < VMS_PER_HOST; v++) {
                host.define(spec("vm-" + h + "-" + v));
            }
            connections.add(host);
        }
        double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
        listing("simulator", connections, seedSeconds);
    }

    /** Lists every host's VMs sequentially, 7 times; reports the first and the median of the rest. */
    void listing(String engine, List<HostConnection> hosts, double seedSeconds) {
        Function<List<HostConnection>, Integer> listAll = all -> all.stream().mapToInt(h -> h.listVms().size()).sum();
        double[] seconds = new double[7];
        int count = 0;
        for (int i = 0; i < seconds.length; i++) {
            long start = System.nanoTime();
            count = listAll.apply(hosts);
            seconds[i] = (System.nanoTime() - start) / 1e9;
        }
        double first = seconds[0];
        double[] rest = Arrays.copyOfRange(seconds, 1, seconds.length);
        Arrays.sort(rest);
        line("## Listing " + count + " VMs across " + hosts.size() + " hosts: " + engine);
        line("");
        line("| setting up (define or load) | first listing | median of 6 more |");
        line("|---|---|---|");
        line("| " + format(seedSeconds) + " s | " + format(first) + " s | " + format(rest[rest.length / 2]) + " s |");
        line("");
    }

    static String format(double seconds) {
        return String.format(java.util.Locale.ROOT, "%.3f", seconds);
    }

    static VmSpec spec(String name) {
        return new VmSpec(name, 1, 64, VmSpec.Architecture.X64, new VmSpec.GuestOs(VmSpec.GuestOs.Family.LINUX, "bench"),
                List.of(), List.of(), java.util.Set.of());
    }

    private static HostDefinition host(String name) {
        return new HostDefinition(name, null, 2, 8, 2, 1_048_576, 4096, true, true, List.of(), List.of(), List.of(),
                Map.of(), null, null, null);
    }
}
