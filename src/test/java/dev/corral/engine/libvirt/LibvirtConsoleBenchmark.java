package dev.corral.engine.libvirt;

import dev.corral.engine.ConsoleStream;
import dev.corral.engine.HostConnection;
import dev.corral.support.RfbTestClient;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * How long a real QEMU VM's screen takes from {@code openConsole} to the first frame that is not
 * blank: on a domain just started (firmware still booting) and on one already showing text, the
 * median of 5 each; and the bytes and time of one full-screen update in Raw pixels. Not part of
 * the test run (needs libvirtd); run it with
 * {@code mvn test -Dtest=LibvirtConsoleBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 * It writes {@code target/benchmarks/libvirt-console.md}.
 */
class LibvirtConsoleBenchmark {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int RUNS = 5;

    @Test
    void run() throws Exception {
        StringBuilder report = new StringBuilder("# Libvirt console (real QEMU, TCG, qemu:///system)\n\n");
        try (QemuScreens screens = new QemuScreens();
                HostConnection host = new LibvirtEngine("qemu", "/var/lib/libvirt/images", null).connect(
                        URI.create("qemu:///system"))) {
            List<Double> fresh = new ArrayList<>();
            List<Double> warm = new ArrayList<>();
            List<Double> fullMs = new ArrayList<>();
            long fullBytes = 0;
            for (int i = 0; i < RUNS; i++) {
                UUID id = screens.defineAndStart(host, "bench" + i);
                fresh.add(firstNonBlankMs(host, id));
            }
            UUID id = screens.lastId();
            for (int i = 0; i < RUNS; i++) {
                warm.add(firstNonBlankMs(host, id));
            }
            try (ConsoleStream console = host.openConsole(id)) {
                Counting counted = new Counting(console.input());
                try (RfbTestClient client = RfbTestClient.connect(counted, console.output(), null)) {
                    QemuScreens.awaitNonBlank(client, WAIT);
                    for (int i = 0; i < RUNS; i++) {
                        long before = counted.count;
                        long start = System.nanoTime();
                        client.requestUpdate(false);
                        client.awaitUpdate(WAIT);
                        fullMs.add((System.nanoTime() - start) / 1e6);
                        fullBytes = counted.count - before;
                    }
                    report.append("Screen ").append(client.width()).append('x').append(client.height()).append("\n\n");
                }
            }
            report.append("| measure | median | all |\n|---|---|---|\n");
            row(report, "openConsole → first non-blank frame, domain just started (ms)", fresh);
            row(report, "openConsole → first non-blank frame, domain showing text (ms)", warm);
            row(report, "full-screen Raw update, request → received (ms)", fullMs);
            report.append("| bytes of one full-screen Raw update | ").append(fullBytes).append(" | |\n");
        }
        Path out = Path.of("target", "benchmarks", "libvirt-console.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println(report);
    }

    private static double firstNonBlankMs(HostConnection host, UUID id) throws IOException {
        long start = System.nanoTime();
        try (RfbTestClient client = RfbTestClient.connect(host.openConsole(id))) {
            QemuScreens.awaitNonBlank(client, WAIT);
            return (System.nanoTime() - start) / 1e6;
        }
    }

    private static void row(StringBuilder report, String what, List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        report.append("| ").append(what).append(" | ").append(String.format("%.0f", sorted.get(sorted.size() / 2)))
                .append(" | ").append(values.stream().map(v -> String.format("%.0f", v)).toList()).append(" |\n");
    }

    /** Counts the bytes the display sends. */
    private static final class Counting extends FilterInputStream {
        volatile long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
