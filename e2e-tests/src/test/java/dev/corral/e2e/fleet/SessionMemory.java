package dev.corral.e2e.fleet;

import com.google.gson.JsonObject;
import com.microsoft.playwright.Page;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Heap per signed-in console session with the VM grid open: N browser contexts each sign in (as
 * admin or hq-admin, alternately) and open the grid until it shows rows. Their browser is then
 * killed, not closed: a closed page tells Vaadin to close its UI, a killed browser does not, so
 * every session keeps its UI, grid and data provider on the server (checked by counting them),
 * while the Playwright client's own objects, which live in this JVM too, are gone. The live heap
 * (after full collections) is compared before and after.
 */
final class SessionMemory {

    static final String SECTION = "Memory";

    private final String baseUrl;
    private final SessionTracker tracker;
    private final Report report;
    private final int sessions = Integer.getInteger("benchmark.sessions", 100);

    SessionMemory(String baseUrl, SessionTracker tracker, Report report) {
        this.baseUrl = baseUrl;
        this.tracker = tracker;
        this.report = report;
    }

    void measure() throws Exception {
        SessionTracker.Count idle = tracker.count();
        // Warm-up: the first sessions load classes and fill caches that every later one shares.
        inBrowser(3);
        SessionTracker.Count warm = tracker.count();
        long before = Heap.liveBytes();
        Map<String, Long> histogramBefore = Heap.histogram();
        long opening = inBrowser(sessions);
        SessionTracker.Count open = tracker.count();
        long after = Heap.liveBytes();
        Map<String, Long> histogramAfter = Heap.histogram();
        double perSession = (after - before) / (double) sessions;
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("sessions", sessions);
        values.put("heap_before_bytes", before);
        values.put("heap_after_bytes", after);
        values.put("per_session_bytes", Math.round(perSession));
        values.put("vaadin_sessions_added", open.sessions() - warm.sessions());
        values.put("uis_added", open.uis() - warm.uis());
        report.add(new Report.Figure(SECTION, "heap_per_session", "Heap per signed-in console session with the VM grid open",
                "≤ 1 MB", String.format(Locale.ROOT, "%.2f MB (%,d sessions: live heap %,d → %,d MB)", perSession / 1e6,
                        sessions, before / 1_000_000, after / 1_000_000), perSession <= 1_000_000,
                "after 3 warm-up sessions; " + (open.uis() - warm.uis()) + " UIs added and kept open; opened in "
                        + opening / 1000 + " s", values));
        report.note(String.format(Locale.ROOT, "Memory: %d Vaadin sessions with %d UIs were open on the server when the heap "
                + "was measured (%d of them warm-up). Their browser was killed first, so that the Playwright client's objects "
                + "(in the benchmark's JVM too) are not counted.", open.sessions() - idle.sessions(), open.uis() - idle.uis(),
                warm.sessions() - idle.sessions()));
        report.note("What the sessions added to the heap, by class (top 12): "
                + String.join("; ", Heap.growth(histogramBefore, histogramAfter, 12, sessions)) + ".");
    }

    /**
     * Opens that many signed-in sessions with the grid, each in a browser context of its own, in a
     * browser of their own, which is then killed; answers the time taken. Each page is frozen once
     * its grid shows rows, so that a hundred idle pages do not share the two cores with the next one.
     */
    private long inBrowser(int count) {
        Set<Long> earlier = descendants();
        long began = System.nanoTime();
        Console console = new Console(baseUrl);
        try {
            for (int s = 0; s < count; s++) {
                Page page = console.newPage();
                String user = s % 2 == 0 ? "admin" : "hq-admin";
                boolean posted = Console.postSignIn(page, baseUrl, user, "demo");
                page.navigate(baseUrl + "/vms");
                if (!posted) {
                    Console.submitSignIn(page, user, "demo");
                }
                Console.waitForGridRows(page);
                JsonObject frozen = new JsonObject();
                frozen.addProperty("state", "frozen");
                page.context().newCDPSession(page).send("Page.setWebLifecycleState", frozen);
            }
            return (System.nanoTime() - began) / 1_000_000;
        } finally {
            // Only the browser processes this method started (Chromium and its helpers), by their ids.
            ProcessHandle.current().descendants().filter(p -> !earlier.contains(p.pid()))
                    .filter(p -> p.info().command().orElse("").contains("chrom")).forEach(ProcessHandle::destroyForcibly);
            try {
                console.close();
            } catch (RuntimeException browserGone) {
                // expected: the browser was killed under Playwright
            }
        }
    }

    private static Set<Long> descendants() {
        return ProcessHandle.current().descendants().map(ProcessHandle::pid).collect(Collectors.toSet());
    }
}
