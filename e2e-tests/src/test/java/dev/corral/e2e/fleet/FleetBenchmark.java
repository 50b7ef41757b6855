package dev.corral.e2e.fleet;

import dev.corral.engine.Engines;
import jakarta.persistence.EntityManagerFactory;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Corral with a fleet of 2,500 simulated hosts and 45,000 VMs (issue #9): the VM list through the
 * API, the console in Chromium, heap per console session, a full resync, a state change reaching
 * the grid, and start-up as a separate JVM with the whole inventory, each against its target.
 * Not part of the test run:
 * {@code mvn -o test -Dtest=FleetBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * [-Dbenchmark.hosts=100 -Dbenchmark.vms=1800 -Dbenchmark.sessions=10]}. Writes
 * target/benchmarks/fleet-benchmark.md and .json, and at full scale also benchmarks/ at the root.
 *
 * <p>The hosts are Corral's own simulator's ({@code sim://bench-0000}…), booted from state files
 * written before Corral starts; the inventory is written with JDBC batches (FleetSeeder); the
 * database is a file H2 with WRITE_DELAY=0, as Corral's default configuration has it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "corral.simulator.operation-delay=0ms", "corral.reconciler.interval=1h", "corral.network.refresh-interval=1h",
        "corral.sprawl.first-scan-delay=1h", "corral.demo-fleet.enabled=false"})
@ActiveProfiles("test")
@Import({FleetEngine.class, SessionTracker.class})
class FleetBenchmark {

    static final FleetPlan PLAN = FleetPlan.fromSystemProperties();
    static final Path RUN = Path.of("target", "benchmarks", "fleet-run");
    static long stateFilesMillis;

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Engines engines;

    @Autowired
    SessionTracker tracker;

    @Autowired
    EntityManagerFactory entityManagerFactory;

    private final Report report = new Report();

    /** Before Corral starts: the hosts' state files, the fleet's size for {@link FleetEngine}, and the database. */
    @DynamicPropertySource
    static void fleet(DynamicPropertyRegistry registry) throws IOException {
        delete(RUN);
        stateFilesMillis = FleetSimulator.writeStateFiles(PLAN, RUN.resolve("simulator"));
        registry.add("benchmark.fleet.hosts", () -> PLAN.hosts);
        registry.add("benchmark.fleet.vms", () -> PLAN.vms);
        registry.add("benchmark.fleet.groups", () -> PLAN.groups);
        registry.add("benchmark.fleet.state-dir", () -> RUN.resolve("simulator").toAbsolutePath().toString());
        // Vaadin's development mode keeps two Throwables per component created (for its dev tools); production mode
        // does not. The benchmark measures what production runs, unless -Dbenchmark.componentTracker=true.
        registry.add("vaadin.devmode.componentTracker.enabled", () -> String.valueOf(Boolean.getBoolean("benchmark.componentTracker")));
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + RUN.resolve("db/corral").toAbsolutePath()
                + ";AUTO_SERVER=FALSE;WRITE_DELAY=0");
    }

    @Test
    void measure() throws Exception {
        long contextStarted = System.nanoTime();
        Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        statistics.setStatisticsEnabled(true);
        FleetSeeder seeder = new FleetSeeder(PLAN, jdbc);
        long seeded = seeder.seed();
        seeder.assign("hq-admins", "Delegated Administrator", FleetPlan.Root.HQ);
        seeder.assign("branch-operators", "VM Operator", FleetPlan.Root.BRANCH);
        describeFleet(seeded);
        long switches = timed(() -> invoke("dev.corral.network.SwitchCache", "refreshAll"));
        report.fleet("Virtual switches read by Corral's switch cache", String.format(Locale.ROOT, "%,d on %,d hosts, in %,d ms",
                count("virtual_switch"), count("host_network"), switches));
        if (part("resync")) {
            reconciliation(statistics);
        }
        if (part("api")) {
            new ApiScenarios(new ApiLoad(port), report, statistics::getPrepareStatementCount).run();
        }
        try (Console console = new Console("http://localhost:" + port)) {
            Machine.describe(report, database(), "Chromium " + console.browser.version() + " (headless, Playwright "
                    + com.microsoft.playwright.Playwright.class.getPackage().getImplementationVersion() + ")");
            ConsoleScenarios scenarios = new ConsoleScenarios(console, PLAN, report, statistics::getPrepareStatementCount);
            if (part("console")) {
                scenarios.grid("admin");
                scenarios.grid("hq-admin");
                FleetPlan.PlannedVm vm = PLAN.vm(0, 0);
                scenarios.eventToGrid(engines.connection(URI.create("sim://" + PLAN.hostName(0))), vm);
            }
            if (part("memory")) {
                new SessionMemory(console.baseUrl, tracker, report).measure();
            }
        }
        if (part("startup")) {
            startup();
        }
        report.note(String.format(Locale.ROOT, "The whole benchmark took %.1f minutes after Corral had started.",
                (System.nanoTime() - contextStarted) / 6e10));
        write();
    }

    /** Whether to measure this part: all unless -Dbenchmark.parts names some (resync, api, console, memory, startup). */
    private static boolean part(String name) {
        String parts = System.getProperty("benchmark.parts", "");
        return parts.isBlank() || java.util.Arrays.asList(parts.split(",")).contains(name);
    }

    private void describeFleet(long seeded) {
        report.fleet("Hosts", String.format(Locale.ROOT, "%,d simulated hosts (sim://bench-0000…) in %d host groups under HQ, "
                + "Branch and Sites; %d cores, %,d MiB each", PLAN.hosts, PLAN.groups,
                FleetPlan.SOCKETS * FleetPlan.CORES * FleetPlan.THREADS, FleetPlan.HOST_MEMORY_MIB));
        report.fleet("VMs", String.format(Locale.ROOT, "%,d (%,d Windows guests), %,d tags, %,d network adapters with %,d VLAN tags "
                + "on switch LAN (VLANs 10–50) or Internal; snapshots on one VM in six (host-side)", count("vm"),
                jdbc.queryForObject("select count(*) from vm where guest_family = 'WINDOWS'", Long.class), count("vm_tag"),
                count("vm_adapter"), count("vm_adapter_vlan")));
        report.fleet("States", String.join(", ", jdbc.query("select state, count(*) from vm_runtime group by state order by 2 desc",
                (row, i) -> String.format(Locale.ROOT, "%s %,d", row.getString(1), row.getLong(2)))));
        report.fleet("Owners", FleetPlan.OWNERS + " (user000…user199) and the demo user dev");
        report.fleet("Delegation", "hq-admin (group hq-admins) is Delegated Administrator of HQ: "
                + String.format(Locale.ROOT, "%,d hosts", PLAN.hostsUnderHq()));
        report.fleet("Seeding", String.format(Locale.ROOT, "hosts' state files written in %,d ms (before Corral started); "
                + "inventory rows in %,d ms", stateFilesMillis, seeded));
    }

    private void reconciliation(Statistics statistics) throws Exception {
        long first = timed(() -> invoke("dev.corral.vms.Reconciler", "resyncAll"));
        long second = timed(() -> invoke("dev.corral.vms.Reconciler", "resyncAll"));
        statistics.clear();
        String profile;
        long third;
        try (Sampler sampler = Sampler.ofResync()) {
            third = timed(() -> invoke("dev.corral.vms.Reconciler", "resyncAll"));
            profile = sampler.summary(5);
        }
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("first_ms", first);
        values.put("second_ms", second);
        values.put("third_profiled_ms", third);
        values.put("transactions", statistics.getTransactionCount());
        values.put("statements", statistics.getPrepareStatementCount());
        values.put("entity_updates", statistics.getEntityUpdateCount());
        report.add(new Report.Figure("Reconciliation", "full_resync", "Full resync of the whole fleet (Reconciler.resyncAll)",
                "≤ 10 s", String.format(Locale.ROOT, "%.1f s (the first, which connects to every host and loads its state: "
                        + "%.1f s)", second / 1000.0, first / 1000.0), second <= 10_000, null, values));
        report.note(String.format(Locale.ROOT, "Profile of a full resync (%.1f s while sampled): %,d transactions, %,d SQL "
                + "statements, %,d entity updates; %s", third / 1000.0, statistics.getTransactionCount(),
                statistics.getPrepareStatementCount(), statistics.getEntityUpdateCount(), profile));
    }

    private void startup() throws Exception {
        StartupProbe probe = new StartupProbe(PLAN, RUN.resolve("child"));
        long seeded = probe.prepare(RUN.resolve("simulator"));
        probe.prepareEmpty();
        StartupProbe.Start empty = probe.startEmpty();
        List<StartupProbe.Start> starts = probe.startTwice();
        StartupProbe.Start first = starts.get(0);
        StartupProbe.Start restart = starts.get(1);
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("restart_until_answering_ms", restart.untilAnswering().toMillis());
        values.put("restart_ready_after_jvm_start_ms", restart.readyMs());
        values.put("restart_context_seconds", restart.contextSeconds());
        values.put("first_start_until_answering_ms", first.untilAnswering().toMillis());
        values.put("first_start_ready_after_jvm_start_ms", first.readyMs());
        values.put("empty_inventory_ready_after_jvm_start_ms", empty.readyMs());
        values.put("empty_inventory_context_seconds", empty.contextSeconds());
        report.add(new Report.Figure("Start-up", "startup_ready", "Restart of Corral (separate JVM, file H2) with the whole "
                + "inventory, until ready", "≤ 15 s", String.format(Locale.ROOT, "%.1f s (\"Corral is ready\" %.1f s after the "
                + "JVM started; Spring context %.1f s, start-up work after it %.1f s)", restart.untilAnswering().toMillis() / 1000.0,
                restart.readyMs() / 1000.0, restart.contextSeconds(), restart.readyMs() / 1000.0 - restart.contextSeconds()),
                restart.readyMs() <= 15_000, "the first full resync is done before ready", values));
        report.note(String.format(Locale.ROOT, "Start-up: the child JVM runs with CorralProcess's options (-Xmx768m "
                + "-XX:TieredStopAtLevel=1); its database was migrated and seeded from the benchmark in %,d ms. First start on "
                + "that database (creates the demo assignments): ready %.1f s after the JVM started. Where its main thread spent "
                + "the time: %s. The same first start on an empty inventory (same configuration, 0 hosts registered): ready "
                + "%.1f s after the JVM started (Spring context %.1f s); where its main thread spent the time: %s.", seeded,
                first.readyMs() / 1000.0, first.profile(), empty.readyMs() / 1000.0, empty.contextSeconds(), empty.profile()));
    }

    private void write() throws IOException {
        Path target = Path.of("target", "benchmarks");
        report.write(target);
        // The committed report (benchmarks/ at the root) is a full run's only.
        boolean complete = PLAN.fullScale() && System.getProperty("benchmark.parts", "").isBlank();
        String out = System.getProperty("benchmark.out", complete ? "benchmarks" : null);
        if (out != null) {
            report.write(Path.of(out));
        }
        System.out.println(report.markdown());
    }

    private String database() {
        String version = jdbc.queryForObject("select H2VERSION()", String.class);
        return "H2 " + version + ", file database (MVStore) with WRITE_DELAY=0, as Corral's default configuration; "
                + "in the benchmark's JVM (API, console, resync) and in the child JVM (start-up)";
    }

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    /** Calls a package-private method of a Corral bean: the benchmark uses entry points no caller has. */
    private void invoke(String beanClass, String method) throws Exception {
        Class<?> type = Class.forName(beanClass);
        Method m = type.getDeclaredMethod(method);
        m.setAccessible(true);
        m.invoke(context.getBean(type));
    }

    private interface Work {
        void run() throws Exception;
    }

    private static long timed(Work work) throws Exception {
        long began = System.nanoTime();
        work.run();
        return (System.nanoTime() - began) / 1_000_000;
    }

    @AfterAll
    static void removeRunFolder() throws IOException {
        if (!Boolean.getBoolean("benchmark.keep")) {
            delete(RUN);
        }
    }

    private static void delete(Path folder) throws IOException {
        if (Files.exists(folder)) {
            try (var files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
