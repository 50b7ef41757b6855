package dev.corral.e2e;

import dev.corral.engine.Engines;
import dev.corral.engine.HostConnection;
import dev.corral.engine.sim.SimScreen;
import dev.corral.hosts.HostTree;
import dev.corral.support.ApiClient;
import dev.corral.support.ConsoleSocket;
import dev.corral.support.CorralIntegrationTest;
import dev.corral.support.DemoFleet;
import dev.corral.support.RfbTestClient;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The VM console's two numbers, on the demo (simulated hosts):
 * <ul>
 * <li>from the click on <em>Console</em> on a VM's page to the first frame of its screen on the
 *     canvas, in Chromium: the view, the ticket, the WebSocket, the display's handshake and the
 *     first update (goal: at most 1 s);
 * <li>what the relay adds per frame over loopback: the same RFB client reads the same VM's screen
 *     once straight from the engine and once through {@code /console/ws}, a typed key to the update
 *     showing it and a whole 1024×768 frame; the difference of the medians (goal: at most 5 ms).
 * </ul>
 * Not part of the test run:
 * {@code mvn test -Dtest=VmConsoleBenchmark -Dsurefire.failIfNoSpecifiedTests=false}. Writes
 * target/benchmarks/vm-console.md.
 */
@CorralIntegrationTest
class VmConsoleBenchmark extends BrowserTest {

    static final int CLICKS = Integer.getInteger("benchmark.clicks", 10);
    static final int KEYS = 200;
    static final int FRAMES = 30;
    static final Duration WAIT = Duration.ofSeconds(10);

    @Autowired
    Engines engines;

    @Autowired
    HostTree tree;

    private final StringBuilder report = new StringBuilder();

    @Test
    void measure() throws Exception {
        ApiClient api = new ApiClient(port);
        JsonNode job = api.succeeded(api.post("/api/v1/vms", "admin", "demo", "{\"hostId\":\"" + DemoFleet.host("hq-hv02")
                + "\",\"name\":\"bench-console\",\"vcpus\":1,\"memoryMiB\":512,\"guestFamily\":\"LINUX\","
                + "\"guestName\":\"Debian 12\"}"), "admin");
        UUID vm = UUID.fromString(job.get("vmId").asString());
        api.succeeded(api.post("/api/v1/vms/" + vm + "/actions/start", "admin", "demo", ""), "admin");

        line("# VM console benchmark");
        line("");
        line("Machine: " + Runtime.getRuntime().availableProcessors() + " cores, Java " + Runtime.version() + ", "
                + System.getProperty("os.name") + " " + System.getProperty("os.arch") + "; Chromium headless; simulated host.");
        line("");

        double[][] legs = clicks(vm);
        double[] clicks = legs[0];
        line("## Click on Console to the first frame (Chromium)");
        line("");
        line("| first | median | 90th percentile | slowest | runs | goal |");
        line("|---|---|---|---|---|---|");
        line("| " + ms(clicks[0]) + " | " + ms(median(clicks)) + " | " + ms(percentile(clicks, 0.9)) + " | "
                + ms(Arrays.stream(clicks).max().orElseThrow()) + " | " + clicks.length + " | ≤ 1000 ms |");
        line("");
        line("Medians of its legs: click to the screen's script starting (the view and the ticket) " + ms(median(legs[1]))
                + "; to connected (WebSocket, the display's handshake) " + ms(median(legs[2])) + "; to the first frame drawn "
                + "(1024×768, in Hextile, which noVNC asks for) " + ms(median(legs[3])) + ".");
        line("");

        HostConnection host = engines.connection(URI.create(tree.hostByName("hq-hv02").orElseThrow().uri()));
        double[] directKeys;
        double[] directFrames;
        try (RfbTestClient direct = RfbTestClient.connect(host.openConsole(vm))) {
            directKeys = direct.typedKeyRoundTrips(KEYS, WAIT);
            directFrames = frames(direct);
        }
        double[] relayedKeys;
        double[] relayedFrames;
        String url = api.post("/api/v1/vms/" + vm + "/console", "admin", "demo", "").json().get("url").asString();
        try (ConsoleSocket socket = ConsoleSocket.open(url); RfbTestClient relayed = RfbTestClient.connect(socket.input(), socket.output())) {
            relayedKeys = relayed.typedKeyRoundTrips(KEYS, WAIT);
            relayedFrames = frames(relayed);
        }
        line("## What the relay adds per frame (loopback)");
        line("");
        line("| update | straight from the engine (median) | through /console/ws (median) | added | runs | goal |");
        line("|---|---|---|---|---|---|");
        line("| a typed key to the update showing it | " + ms(median(directKeys)) + " | " + ms(median(relayedKeys)) + " | "
                + ms(median(relayedKeys) - median(directKeys)) + " | " + KEYS + " | ≤ 5 ms |");
        line("| a whole frame, 1024×768 × 32 bpp Raw (3 MiB) | " + ms(median(directFrames)) + " | " + ms(median(relayedFrames))
                + " | " + ms(median(relayedFrames) - median(directFrames)) + " | " + FRAMES + " | ≤ 5 ms |");

        api.succeeded(api.post("/api/v1/vms/" + vm + "/actions/turn-off", "admin", "demo", ""), "admin");
        api.succeeded(api.send("DELETE", "/api/v1/vms/" + vm, "admin", "demo"), "admin");
        Path out = Path.of("target", "benchmarks");
        Files.createDirectories(out);
        Files.writeString(out.resolve("vm-console.md"), report);
        System.out.println(report);
    }

    /**
     * Signs in once, then from the VM's page clicks Console and waits for the VM's colour on the
     * canvas. Returns the totals, then the three legs (in the page's own clock): click to the
     * screen's script starting (the view, the ticket), to noVNC's connect (WebSocket, the display's
     * handshake), to the first frame drawn.
     */
    private double[][] clicks(UUID vm) {
        openLogin().signInAs("hq-admin", "demo");
        int colour = SimScreen.backgroundOf(vm);
        String painted = "([x, y, rgb]) => { const c = document.querySelector('.corral-console-screen canvas'); "
                + "if (!c || c.width < 2) return false; const d = c.getContext('2d').getImageData(x, y, 1, 1).data; "
                + "return ((d[0] << 16) | (d[1] << 8) | d[2]) === rgb ? performance.now() : false; }";
        double[][] millis = new double[4][CLICKS];
        for (int i = 0; i < CLICKS; i++) {
            page.navigate(baseUrl() + "/vms/" + vm);
            com.microsoft.playwright.Locator console = new VmPages(page).action("Console");
            console.waitFor();
            double clickAt = ((Number) page.evaluate("() => performance.now()")).doubleValue();
            long start = System.nanoTime();
            console.click();
            double paintedAt = ((Number) page.waitForFunction(painted,
                    java.util.List.of(SimScreen.BACKGROUND_PROBE_X, SimScreen.BACKGROUND_PROBE_Y, colour),
                    new com.microsoft.playwright.Page.WaitForFunctionOptions().setPollingInterval(5).setTimeout(WAIT.toMillis()))
                    .jsonValue()).doubleValue();
            millis[0][i] = (System.nanoTime() - start) / 1e6;
            com.microsoft.playwright.Locator screen = page.locator(".corral-console-screen");
            double attachedAt = Double.parseDouble(screen.getAttribute("data-attached-at"));
            double connectedAt = Double.parseDouble(screen.getAttribute("data-connected-at"));
            millis[1][i] = attachedAt - clickAt;
            millis[2][i] = connectedAt - attachedAt;
            millis[3][i] = paintedAt - connectedAt;
        }
        page.navigate(baseUrl() + "/vms/" + vm);
        return millis;
    }

    /** The whole screen, asked for again and again (not incremental: every pixel is sent). */
    private static double[] frames(RfbTestClient client) throws Exception {
        double[] millis = new double[FRAMES];
        for (int i = 0; i < FRAMES; i++) {
            long start = System.nanoTime();
            client.requestUpdate(false);
            if (!client.updateWithin(WAIT)) {
                throw new AssertionError("no frame " + i);
            }
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        return millis;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double percentile(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static String ms(double millis) {
        return String.format(Locale.ROOT, "%.2f ms", millis);
    }

    private void line(String text) {
        report.append(text).append('\n');
    }
}
