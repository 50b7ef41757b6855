package dev.corral.e2e;

import com.microsoft.playwright.Page;
import dev.corral.engine.Engines;
import dev.corral.engine.HostConnection;
import dev.corral.hosts.HostSummary;
import dev.corral.hosts.HostTree;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The console's two latencies, in Chromium against a running Corral: how long the VM grid takes to
 * show its first rows (and to apply a name filter) with a large inventory, and how long a state
 * change made on a host takes to reach an open grid. Not part of the test run:
 * {@code mvn test -Dtest=ConsoleLatencyBenchmark -Dsurefire.failIfNoSpecifiedTests=false [-Dbenchmark.vms=10000]}.
 * Writes target/benchmarks/console-latency.md and .json.
 *
 * <p>The extra VMs are written to the inventory only (the grid reads the inventory, not the
 * hosts); the state changes are made on a demo VM through the simulator, behind the console's back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "corral.simulator.operation-delay=0ms", "corral.reconciler.interval=1h"})
@ActiveProfiles("test")
class ConsoleLatencyBenchmark extends BrowserTest {

    static final int RUNS = 7;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    HostTree tree;

    @Autowired
    Engines engines;

    private final StringBuilder report = new StringBuilder();
    private final StringBuilder json = new StringBuilder("{");

    @Test
    void measure() throws Exception {
        int extra = Integer.getInteger("benchmark.vms", 10_000);
        long seeding = seed(extra);
        long total = jdbc.queryForObject("select count(*) from vm", Long.class);
        line("# Console latency benchmark");
        line("");
        line("Machine: " + Runtime.getRuntime().availableProcessors() + " cores, Java " + Runtime.version() + ", "
                + System.getProperty("os.name") + " " + System.getProperty("os.arch") + "; Chromium headless; "
                + String.format(Locale.ROOT, "%,d", total) + " VMs in the inventory (" + String.format(Locale.ROOT, "%,d", extra)
                + " seeded in " + seeding + " ms). Each figure: " + RUNS + " runs after one warm-up; median and worst.");
        line("");
        openLogin().signInAs("admin", "demo");
        List<Long> firstRows = new ArrayList<>();
        List<Long> reload = new ArrayList<>();
        List<Long> filter = new ArrayList<>();
        for (int run = 0; run <= RUNS; run++) {
            long began = System.nanoTime();
            page.navigate(baseUrl() + "/vms");
            waitForRows();
            long loaded = (System.nanoTime() - began) / 1_000_000;
            page.navigate(baseUrl() + "/");
            page.getByRole(com.microsoft.playwright.options.AriaRole.HEADING, new Page.GetByRoleOptions().setName("Host capacity")).waitFor();
            began = System.nanoTime();
            page.getByRole(com.microsoft.playwright.options.AriaRole.LINK,
                    new Page.GetByRoleOptions().setName("Virtual machines").setExact(true)).first().click();
            waitForRows();
            long shown = (System.nanoTime() - began) / 1_000_000;
            String name = String.format(Locale.ROOT, "bench-%05d", 4_000 + run);
            long typed = System.nanoTime();
            page.getByLabel("Filter by name").fill(name);
            page.waitForFunction("n => { const links = [...document.querySelectorAll('vaadin-grid-cell-content a')]"
                    + ".filter(a => a.offsetParent !== null); return links.length === 1 && links[0].textContent === n; }", name,
                    new Page.WaitForFunctionOptions().setPollingInterval(5));
            long filtered = (System.nanoTime() - typed) / 1_000_000;
            if (run > 0) {
                firstRows.add(shown);
                reload.add(loaded);
                filter.add(filtered);
            }
        }
        figure("grid_first_rows_ms", "VM grid: from the menu (in-app navigation) to first rows shown", firstRows);
        figure("grid_page_load_ms", "VM grid: full page load of /vms (browser reload) to first rows shown", reload);
        figure("grid_filter_ms", "VM grid: name typed to filtered rows shown (includes the field's 400 ms typing pause)", filter);
        figure("event_to_grid_ms", "State change on a host to the open grid showing it", eventToGrid());
        json.setLength(json.length() - 1);
        json.append("}\n");
        Path out = Path.of("target", "benchmarks");
        Files.createDirectories(out);
        Files.writeString(out.resolve("console-latency.md"), report);
        Files.writeString(out.resolve("console-latency.json"), json);
        System.out.println(report);
    }

    /** Starts and turns off web02 on its host, directly through the engine, with the grid open on it. */
    private List<Long> eventToGrid() throws InterruptedException {
        HostSummary host = tree.hostByName("hq-hv01").orElseThrow();
        HostConnection connection = engines.connection(URI.create(host.uri()));
        UUID web02 = connection.listVms().stream().filter(v -> v.name().equals("web02")).findFirst().orElseThrow().id();
        page.navigate(baseUrl() + "/vms");
        page.getByLabel("Filter by name").fill("web02");
        waitForState("web02", "Off");
        List<Long> delays = new ArrayList<>();
        for (int run = 0; run <= RUNS; run++) {
            boolean start = run % 2 == 0;
            if (start) {
                connection.start(web02);
            } else {
                connection.turnOff(web02);
            }
            long changed = System.nanoTime();
            waitForState("web02", start ? "Running" : "Off");
            if (run > 0) {
                delays.add((System.nanoTime() - changed) / 1_000_000);
            }
            Thread.sleep(200);
        }
        return delays;
    }

    private void waitForRows() {
        page.waitForFunction("() => document.querySelector('vaadin-grid') && "
                + "[...document.querySelectorAll('vaadin-grid-cell-content a')].some(a => a.offsetParent !== null)", null,
                new Page.WaitForFunctionOptions().setPollingInterval(5));
    }

    private void waitForState(String vm, String state) {
        page.waitForFunction("([vm, state]) => { const link = [...document.querySelectorAll('vaadin-grid-cell-content a')]"
                + ".find(a => a.offsetParent !== null && a.textContent === vm); if (!link) return false;"
                + " const row = link.closest('vaadin-grid-cell-content').assignedSlot?.parentElement?.parentElement;"
                + " return !!row && row.textContent.includes(state) || [...document.querySelectorAll('vaadin-grid-cell-content')]"
                + ".some(c => c.offsetParent !== null && c.textContent.trim() === state); }", List.of(vm, state),
                new Page.WaitForFunctionOptions().setPollingInterval(5).setTimeout(10_000));
    }

    private long seed(int count) {
        long began = System.currentTimeMillis();
        List<HostSummary> hosts = tree.hosts();
        String[] states = {"RUNNING", "OFF", "SAVED", "RUNNING", "PAUSED"};
        List<Object[]> vms = new ArrayList<>();
        List<Object[]> runtime = new ArrayList<>();
        List<Object[]> tags = new ArrayList<>();
        Timestamp now = Timestamp.from(Instant.now());
        for (int i = 0; i < count; i++) {
            UUID id = UUID.randomUUID();
            HostSummary host = hosts.get(i % hosts.size());
            vms.add(new Object[] {id, host.id(), String.format(Locale.ROOT, "bench-%05d", i), "owner" + (i % 50),
                    1 + i % 4, 1024L * (1 + i % 8), 40L, i % 3 == 0 ? "WINDOWS" : "LINUX"});
            runtime.add(new Object[] {id, states[i % states.length], now});
            tags.add(new Object[] {id, "env", i % 2 == 0 ? "test" : "prod"});
        }
        jdbc.batchUpdate("insert into vm (id, host_id, name, owner, vcpus, memory_mib, storage_gib, guest_family, version) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, 0)", vms);
        jdbc.batchUpdate("insert into vm_runtime (vm_id, state, updated_at) values (?, ?, ?)", runtime);
        jdbc.batchUpdate("insert into vm_tag (vm_id, tag_key, tag_value) values (?, ?, ?)", tags);
        return System.currentTimeMillis() - began;
    }

    private void figure(String key, String label, List<Long> millis) {
        List<Long> sorted = millis.stream().sorted().toList();
        long median = sorted.get(sorted.size() / 2);
        long worst = sorted.get(sorted.size() - 1);
        line("- " + label + ": median " + median + " ms, worst " + worst + " ms (runs: " + millis + ")");
        json.append('"').append(key).append("\":{\"median\":").append(median).append(",\"worst\":").append(worst)
                .append(",\"runs\":").append(millis).append("},");
    }

    private void line(String text) {
        report.append(text).append('\n');
    }
}
