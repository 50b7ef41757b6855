package dev.corral.sprawl;

import dev.corral.engine.HostConnection;
import dev.corral.engine.HypervisorEngine;
import dev.corral.engine.VmState;
import dev.corral.engine.sim.SimulatorEngine;
import dev.corral.engine.sim.SimulatorProperties;
import dev.corral.engine.sim.SimulatorProperties.HostDefinition;
import dev.corral.engine.sim.SimulatorProperties.VmDefinition;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The sprawl scan at full scale: 2,500 simulated hosts running 45,000 VMs, almost all of them in the
 * inventory, with the sprawl a real fleet has (VMs nobody registered, records of VMs gone, ended
 * leases, VMs long off, owners who left, old snapshots, over-committed hosts). Not part of the test
 * run: {@code mvn test -Dtest=SprawlScanBenchmark -Dsurefire.failIfNoSpecifiedTests=false}. Writes
 * target/benchmarks/sprawl-scan.md.
 *
 * <p>The hosts are the simulator's own ({@link SimulatorEngine}, booted from definitions, each with
 * its VMs), reached as {@code bench://<name>} through an extra engine; the inventory rows are written
 * with JDBC batches, as Corral would have them after registering the hosts and creating the VMs.
 */
@SpringBootTest(properties = {
        "corral.reconciler.interval=1h", "corral.sprawl.first-scan-delay=1h", "corral.simulator.operation-delay=0ms"})
@ActiveProfiles("test")
class SprawlScanBenchmark {

    static final int HOSTS = Integer.getInteger("benchmark.hosts", 2_500);
    static final int VMS_PER_HOST = Integer.getInteger("benchmark.vms-per-host", 18);
    static final int GROUPS = 50;
    static final int RUNS = 5;
    static final Path OUT = Path.of("target", "benchmarks");
    static final Instant NOW = Instant.now();
    static final String[] OWNERS = {"admin", "hq-admin", "branch-ops", "dev", "auditor"};

    @Autowired
    SprawlScan scan;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    BenchEngine bench;

    private final StringBuilder report = new StringBuilder();

    /** Where the benchmark's hosts keep their state; removed afterwards. */
    static Path state;

    /** The simulator's hosts as {@code bench://name}: a second simulator, defined here, beside the demo fleet's. */
    static final class BenchEngine implements HypervisorEngine {
        final SimulatorEngine simulator;

        BenchEngine(SimulatorEngine simulator) {
            this.simulator = simulator;
        }

        @Override
        public String name() {
            return "benchmark simulator";
        }

        @Override
        public boolean handles(URI uri) {
            return "bench".equals(uri.getScheme());
        }

        @Override
        public HostConnection connect(URI uri) {
            return simulator.connect(URI.create("sim://" + uri.getAuthority()));
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Fleet {
        @Bean
        BenchEngine benchEngine() throws IOException {
            Files.createDirectories(OUT);
            state = Files.createTempDirectory(OUT, "sprawl-sim");
            List<HostDefinition> hosts = new ArrayList<>();
            for (int h = 0; h < HOSTS; h++) {
                hosts.add(host(h));
            }
            // The hosts' clock stands 120 days back, so that the snapshots they boot with are old.
            Clock past = Clock.fixed(NOW.minus(Duration.ofDays(120)), ZoneOffset.UTC);
            return new BenchEngine(new SimulatorEngine(new SimulatorProperties(state, Duration.ZERO, hosts), past));
        }
    }

    @Test
    void scan() throws Exception {
        long seeded = seedInventory();
        long booted = bootHosts();
        long vms = jdbc.queryForObject("select count(*) from vm", Long.class);
        line("# Sprawl scan benchmark");
        line("");
        line("Machine: " + Runtime.getRuntime().availableProcessors() + " cores, Java " + Runtime.version() + ", "
                + System.getProperty("os.name") + " " + System.getProperty("os.arch") + ", max heap "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB; H2 in memory; the embedded directory.");
        line("");
        line(String.format(Locale.ROOT, "Fleet: %,d simulated hosts (plus the 4 of the demo fleet) running %,d VMs; "
                + "%,d VMs in the inventory. Inventory written in %,d ms; hosts booted in %,d ms.",
                HOSTS, HOSTS * VMS_PER_HOST, vms, seeded, booted));
        line("");
        line("| run | findings | new | resolved | seconds |");
        line("|---|---|---|---|---|");
        List<Double> warm = new ArrayList<>();
        for (int run = 1; run <= RUNS; run++) {
            long began = System.nanoTime();
            ScanReport result = scan.run();
            double seconds = (System.nanoTime() - began) / 1e9;
            if (run > 1) {
                warm.add(seconds);
            }
            line(String.format(Locale.ROOT, "| %d%s | %,d | %,d | %,d | %.2f |", run, run == 1 ? " (first: every finding is new)" : "",
                    result.found(), result.opened(), result.resolved(), seconds));
        }
        double median = warm.stream().sorted().toList().get(warm.size() / 2);
        line("");
        line("Findings by kind after the scans:");
        line("");
        jdbc.query("select kind, count(*) from sprawl_finding where state = 'OPEN' group by kind order by kind",
                row -> {
                    line("- " + FindingKind.valueOf(row.getString(1)).code() + ": " + String.format(Locale.ROOT, "%,d",
                            row.getLong(2)));
                });
        line("");
        line(String.format(Locale.ROOT, "**A scan of %,d VMs on %,d hosts: %.2f s (median of the %d runs after the first).**",
                HOSTS * VMS_PER_HOST, HOSTS, median, warm.size()));
        Files.createDirectories(OUT);
        Files.writeString(OUT.resolve("sprawl-scan.md"), report);
        System.out.println(report);
    }

    @org.junit.jupiter.api.AfterAll
    static void removeHostState() throws IOException {
        if (state != null && Files.exists(state)) {
            try (var files = Files.walk(state)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Connects every host once (as the reconciler would have), booting it from its definition. */
    private long bootHosts() throws Exception {
        long began = System.currentTimeMillis();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> done = new ArrayList<>();
        for (int h = 0; h < HOSTS; h++) {
            URI uri = URI.create("bench://" + hostName(h));
            done.add(pool.submit(() -> bench.connect(uri)));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        return System.currentTimeMillis() - began;
    }

    /**
     * The inventory as Corral would hold it: the hosts in 50 host groups with their capacity, and
     * their VMs, except one in 36 that nobody registered; plus, on one host in five, the record of a
     * VM the host no longer has.
     */
    private long seedInventory() {
        long began = System.currentTimeMillis();
        Timestamp now = Timestamp.from(NOW);
        UUID root = UUID.randomUUID();
        jdbc.update("insert into host_group (id, name, parent_id, version) values (?, 'Bench', null, 0)", root);
        List<Object[]> groups = new ArrayList<>();
        UUID[] groupIds = new UUID[GROUPS];
        for (int g = 0; g < GROUPS; g++) {
            groupIds[g] = UUID.randomUUID();
            groups.add(new Object[] {groupIds[g], String.format(Locale.ROOT, "Site-%02d", g), root});
        }
        jdbc.batchUpdate("insert into host_group (id, name, parent_id, version) values (?, ?, ?, 0)", groups);
        List<Object[]> hosts = new ArrayList<>();
        List<Object[]> capacity = new ArrayList<>();
        List<Object[]> vms = new ArrayList<>();
        List<Object[]> runtime = new ArrayList<>();
        for (int h = 0; h < HOSTS; h++) {
            UUID host = hostId(h);
            hosts.add(new Object[] {host, hostName(h), "bench://" + hostName(h), groupIds[h % GROUPS]});
            capacity.add(new Object[] {host, now, now, 16, memoryOf(h)});
            for (int i = 0; i < VMS_PER_HOST; i++) {
                if (!registered(h, i)) {
                    continue;
                }
                UUID id = vmId(h, i);
                LocalDate lease = i % 10 == 1 ? LocalDate.ofInstant(NOW, ZoneOffset.UTC).plusDays(h % 10 == 0 ? -1 : 30) : null;
                String owner = h % 100 == 7 && i == 3 ? "departed-" + h : OWNERS[(h + i) % OWNERS.length];
                vms.add(new Object[] {id, host, vmName(h, i), owner, 2, 2048L, 40L, "LINUX", "Benchmark VM", owner,
                        now, lease == null ? null : Date.valueOf(lease), lease == null ? null : "NOTIFY"});
                VmState state = stateOf(i);
                runtime.add(new Object[] {id, state.name(), state == VmState.RUNNING ? "OK" : "NOT_RUNNING", now,
                        state.name(), Timestamp.from(NOW.minus(Duration.ofDays(3L * i)))});
            }
            if (h % 5 == 0) {
                UUID ghost = UUID.nameUUIDFromBytes(("ghost/" + h).getBytes(StandardCharsets.UTF_8));
                vms.add(new Object[] {ghost, host, "ghost-" + hostName(h), OWNERS[h % OWNERS.length], 1, 1024L, 20L, "LINUX",
                        "Deleted on the host long ago", "admin", now, null, null});
                runtime.add(new Object[] {ghost, "UNKNOWN", null, now, null, now});
            }
        }
        jdbc.batchUpdate("insert into host (id, name, uri, host_group_id, version, maintenance) values (?, ?, ?, ?, 0, false)",
                hosts);
        jdbc.batchUpdate("insert into host_runtime (host_id, reachable, last_contact, updated_at, logical_processors, "
                + "memory_total_mib) values (?, true, ?, ?, ?, ?)", capacity);
        for (List<Object[]> batch : chunks(vms)) {
            jdbc.batchUpdate("insert into vm (id, host_id, name, owner, vcpus, memory_mib, storage_gib, guest_family, "
                    + "purpose, created_by, created_at, lease_expires, lease_action, version) "
                    + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)", batch);
        }
        for (List<Object[]> batch : chunks(runtime)) {
            jdbc.batchUpdate("insert into vm_runtime (vm_id, state, heartbeat, updated_at, known_state, state_since) "
                    + "values (?, ?, ?, ?, ?, ?)", batch);
        }
        return System.currentTimeMillis() - began;
    }

    private static List<List<Object[]>> chunks(List<Object[]> rows) {
        List<List<Object[]>> chunks = new ArrayList<>();
        for (int i = 0; i < rows.size(); i += 5_000) {
            chunks.add(rows.subList(i, Math.min(rows.size(), i + 5_000)));
        }
        return chunks;
    }

    static HostDefinition host(int h) {
        List<VmDefinition> vms = new ArrayList<>();
        for (int i = 0; i < VMS_PER_HOST; i++) {
            VmState state = stateOf(i);
            vms.add(new VmDefinition(vmName(h, i), 2, 2048, null, null, "Debian 12", state, null, null, null,
                    i == 5 ? List.of("before-patch") : List.of(), registered(h, i), null, 40L, null, Map.of()));
        }
        return new HostDefinition(hostName(h), null, 2, 4, 2, memoryOf(h), 4096, true, true, List.of(), List.of(), vms,
                Map.of(), null, null, null);
    }

    /** One host in ten has too little memory for its VMs. */
    static long memoryOf(int h) {
        return h % 10 == 3 ? 32_768 : 65_536;
    }

    static VmState stateOf(int i) {
        return i % 3 == 0 ? VmState.OFF : VmState.RUNNING;
    }

    static boolean registered(int h, int i) {
        return !(i == VMS_PER_HOST - 1 && h % 2 == 0);
    }

    static String hostName(int h) {
        return String.format(Locale.ROOT, "bench-%04d", h);
    }

    static String vmName(int h, int i) {
        return String.format(Locale.ROOT, "vm-%04d-%02d", h, i);
    }

    static UUID hostId(int h) {
        return UUID.nameUUIDFromBytes(("bench-host/" + h).getBytes(StandardCharsets.UTF_8));
    }

    /** The simulator derives a VM's id from its host's and its own name. */
    static UUID vmId(int h, int i) {
        return UUID.nameUUIDFromBytes((hostName(h) + "/" + vmName(h, i)).getBytes(StandardCharsets.UTF_8));
    }

    private void line(String text) {
        report.append(text).append('\n');
    }
}
