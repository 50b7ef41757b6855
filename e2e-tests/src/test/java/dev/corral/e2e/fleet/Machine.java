package dev.corral.e2e.fleet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** What the benchmark ran on, for the report. */
final class Machine {

    private Machine() {
    }

    static void describe(Report report, String database, String browser) {
        report.machine("CPU", cpuinfo("model name").orElse("unknown") + ", " + Runtime.getRuntime().availableProcessors()
                + " cores available to the JVM");
        report.machine("Memory", meminfo("MemTotal").map(kib -> String.format(Locale.ROOT, "%.1f GiB", kib / 1024.0 / 1024.0))
                .orElse("unknown"));
        report.machine("OS", osRelease().orElse(System.getProperty("os.name")) + ", kernel " + System.getProperty("os.version")
                + " " + System.getProperty("os.arch"));
        report.machine("Java", System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.name") + " "
                + Runtime.version() + "; benchmark JVM max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB");
        report.machine("Database", database);
        report.machine("Browser", browser);
    }

    private static Optional<String> cpuinfo(String field) {
        return field(Path.of("/proc/cpuinfo"), field, ":");
    }

    private static Optional<Long> meminfo(String field) {
        return field(Path.of("/proc/meminfo"), field, ":").map(v -> Long.parseLong(v.replace("kB", "").trim()));
    }

    private static Optional<String> osRelease() {
        return field(Path.of("/etc/os-release"), "PRETTY_NAME", "=").map(v -> v.replace("\"", ""));
    }

    private static Optional<String> field(Path file, String name, String separator) {
        try (var lines = Files.lines(file)) {
            return lines.filter(l -> l.startsWith(name)).map(l -> l.substring(l.indexOf(separator) + 1).trim()).findFirst();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
