package dev.corral.e2e.fleet;

import com.microsoft.playwright.Page;
import dev.corral.engine.HostConnection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The console in Chromium: the VM grid's first rows (from the menu and on a full page load), a
 * name filter applied, and a state change made on a host behind Corral's back reaching the open
 * grid; each measured {@code benchmark.console.runs} times after one warm-up.
 */
final class ConsoleScenarios {

    static final String SECTION = "Console (Chromium)";
    private static final int RUNS = Integer.getInteger("benchmark.console.runs", 7);

    private final Console console;
    private final FleetPlan plan;
    private final Report report;
    private final java.util.function.LongSupplier statementCount;

    /** @param statementCount the JDBC statements Hibernate has prepared so far (its statistics) */
    ConsoleScenarios(Console console, FleetPlan plan, Report report, java.util.function.LongSupplier statementCount) {
        this.console = console;
        this.plan = plan;
        this.report = report;
        this.statementCount = statementCount;
    }

    void grid(String user) throws InterruptedException {
        Page page = console.newPage();
        try {
            console.signIn(page, user, "demo");
            List<Long> pageLoad = new ArrayList<>();
            List<Long> fromMenu = new ArrayList<>();
            List<Long> dashboard = new ArrayList<>();
            List<Long> filter = new ArrayList<>();
            for (int run = 0; run <= RUNS; run++) {
                long began = System.nanoTime();
                page.navigate(console.baseUrl + "/vms");
                Console.waitForGridRows(page);
                long loaded = since(began);
                began = System.nanoTime();
                page.navigate(console.baseUrl + "/");
                page.getByText("Host capacity").first().waitFor();
                long dash = since(began);
                began = System.nanoTime();
                Console.clickMenu(page, "Virtual machines");
                Console.waitForGridRows(page);
                long shown = since(began);
                // A VM of a host the user may see: hosts under HQ for the delegated administrator.
                String name = plan.vm(hqHost(run * 7), run % plan.vmsOn(0)).name();
                began = System.nanoTime();
                page.getByLabel("Filter by name").fill(name);
                Console.waitForOnlyRow(page, name);
                long filtered = since(began);
                if (run > 0) {
                    pageLoad.add(loaded);
                    fromMenu.add(shown);
                    dashboard.add(dash);
                    filter.add(filtered);
                }
            }
            profile(page, user);
            figure("grid_menu_" + user, "VM grid, from the menu (in-app navigation) to first rows — " + user, fromMenu, 1000L, null);
            figure("grid_load_" + user, "VM grid, full page load of /vms to first rows — " + user, pageLoad, 1000L, null);
            figure("grid_filter_" + user, "VM grid, a name typed to the filtered row shown — " + user, filter, 1000L,
                    "includes the field's 400 ms typing pause");
            figure("dashboard_load_" + user, "Dashboard, full page load to its host capacity section — " + user, dashboard, null,
                    "no target; the page the menu navigation starts from");
        } finally {
            page.context().close();
        }
    }

    /** Where a full page load of the grid spends its time on the server: statements, and a sampled profile. */
    private void profile(Page page, String user) throws InterruptedException {
        long before = statementCount.getAsLong();
        String where;
        try (Sampler sampler = Sampler.ofRequestThreads()) {
            for (int run = 0; run < 3; run++) {
                page.navigate(console.baseUrl + "/vms");
                Console.waitForGridRows(page);
            }
            where = sampler.summary(5);
        }
        report.note("Profile of a full page load of the VM grid as " + user + ": " + (statementCount.getAsLong() - before) / 3
                + " SQL statements per load; " + where);
    }

    /** Turns a VM off and on again on its host, directly through the engine, with the grid open on it. */
    void eventToGrid(HostConnection host, FleetPlan.PlannedVm vm) throws InterruptedException {
        Page page = console.newPage();
        try {
            console.signIn(page, "admin", "demo");
            page.navigate(console.baseUrl + "/vms");
            Console.waitForGridRows(page);
            page.getByLabel("Filter by name").fill(vm.name());
            Console.waitForState(page, vm.name(), "Running");
            List<Long> delays = new ArrayList<>();
            for (int run = 0; run <= RUNS; run++) {
                boolean off = run % 2 == 0;
                long began = System.nanoTime();
                if (off) {
                    host.turnOff(vm.id());
                } else {
                    host.start(vm.id());
                }
                Console.waitForState(page, vm.name(), off ? "Off" : "Running");
                if (run > 0) {
                    delays.add(since(began));
                }
                Thread.sleep(300);
            }
            if (RUNS % 2 == 0) {
                host.start(vm.id());
            }
            figure("event_to_grid", "State change on a host (behind Corral's back) to the open grid showing it", delays, 1000L,
                    "the grid coalesces changes for 300 ms");
        } finally {
            page.context().close();
        }
    }

    /** The n-th host under HQ (which both the administrator and hq-admin see). */
    private int hqHost(int n) {
        List<Integer> hq = new ArrayList<>();
        for (int h = 0; h < plan.hosts && hq.size() <= n; h++) {
            if (plan.rootOf(plan.groupOf(h)) == FleetPlan.Root.HQ) {
                hq.add(h);
            }
        }
        return hq.get(Math.min(n, hq.size() - 1));
    }

    private void figure(String key, String label, List<Long> millis, Long target, String note) {
        List<Long> sorted = millis.stream().sorted().toList();
        long median = sorted.get(sorted.size() / 2);
        long worst = sorted.getLast();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("median_ms", median);
        values.put("worst_ms", worst);
        values.put("runs_ms", millis);
        report.add(new Report.Figure(SECTION, key, label, target == null ? null : "≤ " + target + " ms",
                String.format(Locale.ROOT, "median %,d ms · worst %,d ms (%d runs)", median, worst, millis.size()),
                target == null ? null : worst <= target, note, values));
    }

    private static long since(long began) {
        return (System.nanoTime() - began) / 1_000_000;
    }
}
