package dev.corral.engine;

import dev.corral.engine.sim.SimulatorEngine;
import dev.corral.engine.sim.SimulatorProperties;
import dev.corral.engine.sim.SimulatorProperties.HostDefinition;
import dev.corral.support.RfbTestClient;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The console benchmark: how long the simulator's console takes from {@code openConsole} to the
 * first full frame a VNC client holds (the first in the JVM, which loads fonts, and the median of
 * 20 more), and from one typed key to the update that shows it (median of 200). Not part of the
 * test run; run it with {@code mvn test -Dtest=ConsoleBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 * It writes {@code target/benchmarks/console.md}.
 */
class ConsoleBenchmark {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final StringBuilder report = new StringBuilder();

    @Test
    void run() throws Exception {
        Files.createDirectories(EngineBenchmark.OUT);
        Path dir = Files.createTempDirectory(EngineBenchmark.OUT, "sim-console");
        HostDefinition definition = new HostDefinition("console-0", null, 1, 4, 2, 16384, 1024, true, true, List.of(),
                List.of(), List.of(), Map.of(), null, null, null);
        SimulatorEngine engine = new SimulatorEngine(new SimulatorProperties(dir, Duration.ZERO, List.of(definition)),
                Clock.systemUTC());
        HostConnection host = engine.connect(URI.create("sim://console-0"));
        UUID id = host.define(EngineBenchmark.spec("bench-console")).id();
        host.start(id);

        line("# Console benchmark (simulator)");
        line("");
        line("Machine: " + Runtime.getRuntime().availableProcessors() + " cores, Java " + Runtime.version() + ".");
        line("");
        line("| measurement | first | median | runs |");
        line("|---|---|---|---|");
        double cold = firstFrame(host, id);
        double[] warm = new double[20];
        for (int i = 0; i < warm.length; i++) {
            warm[i] = firstFrame(host, id);
        }
        line("| openConsole to first full frame (1024x768, 32 bpp Raw) | " + ms(cold) + " | " + ms(median(warm))
                + " | 1 + " + warm.length + " |");
        double[] keys = typedKeys(host, id, 200);
        line("| typed key to the update showing it | " + ms(keys[0]) + " | " + ms(median(keys)) + " | " + keys.length + " |");
        Files.writeString(EngineBenchmark.OUT.resolve("console.md"), report);
        System.out.println(report);
    }

    private static double firstFrame(HostConnection host, UUID id) throws Exception {
        long start = System.nanoTime();
        try (RfbTestClient client = RfbTestClient.connect(host.openConsole(id))) {
            client.requestUpdate(false);
            if (!client.updateWithin(WAIT)) {
                throw new AssertionError("no first frame within " + WAIT);
            }
            return (System.nanoTime() - start) / 1e6;
        }
    }

    private static double[] typedKeys(HostConnection host, UUID id, int count) throws Exception {
        try (RfbTestClient client = RfbTestClient.connect(host.openConsole(id))) {
            return client.typedKeyRoundTrips(count, WAIT);
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static String ms(double millis) {
        return String.format(java.util.Locale.ROOT, "%.2f ms", millis);
    }

    private void line(String text) {
        report.append(text).append('\n');
    }
}
