package dev.corral.e2e.fleet;

import com.sun.tools.attach.VirtualMachine;
import dev.corral.support.CorralProcess;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Corral as its own JVM (as in production) on a file database holding the whole fleet: the
 * database is migrated and seeded from here, the hosts are the same simulated hosts (their state
 * files copied, served by {@link FleetEngine}), and Corral is started twice: the first
 * start on that database, then a restart, which is the figure. "Ready" is Corral's own log line,
 * written once the start-up work (job recovery, access set-up, the first full resync of every
 * host, the first read of every host's switches) is done.
 */
final class StartupProbe {

    private static final Pattern READY = Pattern.compile("Corral is ready \\((\\d+) ms after the JVM started\\)");
    private static final Pattern STARTED = Pattern.compile("Started CorralApplication in ([0-9.]+) seconds");

    /** One start: wall time to ready and answering, the app's own figures, and where the main thread spent it. */
    record Start(Duration untilAnswering, long readyMs, double contextSeconds, String profile) {
    }

    private final FleetPlan plan;
    private final Path folder;
    StartupProbe(FleetPlan plan, Path folder) {
        this.plan = plan;
        this.folder = folder;
    }

    /** Migrates and seeds the file database and copies the hosts' state; answers how long seeding took. */
    long prepare(Path stateFiles) throws IOException {
        Path simulator = folder.resolve("fleet-simulator");
        Files.createDirectories(simulator);
        try (var files = Files.list(stateFiles)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                Files.copy(file, simulator.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return migrate(folder, true);
    }

    /** The same database, migrated but empty, in a folder of its own: what start-up costs without any fleet. */
    long prepareEmpty() {
        return migrate(empty(), false);
    }

    private Path empty() {
        return folder.resolveSibling(folder.getFileName() + "-empty");
    }

    private long migrate(Path data, boolean seed) {
        String url = "jdbc:h2:file:" + data.resolve("db/corral").toAbsolutePath() + ";AUTO_SERVER=FALSE";
        Flyway.configure().dataSource(url, "corral", "").locations("classpath:db/migration").load().migrate();
        SingleConnectionDataSource source = new SingleConnectionDataSource(url, "corral", "", true);
        try {
            JdbcTemplate jdbc = new JdbcTemplate(source);
            long took = seed ? new FleetSeeder(plan, jdbc).seed() : 0;
            jdbc.execute("SHUTDOWN");
            return took;
        } finally {
            source.destroy();
        }
    }

    /** Starts Corral twice on the seeded database; answers the two starts, the first profiled. */
    List<Start> startTwice() throws Exception {
        return start(folder, 2, "full");
    }

    /** Starts Corral once on the empty database. */
    Start startEmpty() throws Exception {
        return start(empty(), 1, "empty").getFirst();
    }

    private List<Start> start(Path data, int times, String name) throws Exception {
        List<Start> starts = new ArrayList<>();
        try (CorralProcess corral = new CorralProcess(data, "--spring.main.sources=" + FleetEngine.class.getName(),
                "--benchmark.fleet.hosts=" + plan.hosts, "--benchmark.fleet.vms=" + plan.vms,
                "--benchmark.fleet.groups=" + plan.groups,
                "--benchmark.fleet.state-dir=" + folder.resolve("fleet-simulator").toAbsolutePath(),
                "--corral.demo-fleet.enabled=false", "--corral.sprawl.first-scan-delay=1h",
                "--logging.level.dev.corral.CorralApplication=info")) {
            for (int run = 1; run <= times; run++) {
                Profile profile = run == 1 ? new Profile() : null;
                if (profile != null) {
                    profile.start();
                }
                Duration took = corral.start(Duration.ofMinutes(10));
                String where = profile == null ? null : profile.stop();
                List<String> log = Files.readAllLines(corral.log());
                starts.add(new Start(took, find(log, READY).map(Long::parseLong).orElse(-1L),
                        find(log, STARTED).map(Double::parseDouble).orElse(-1.0), where));
                Files.copy(corral.log(), Path.of("target", "benchmarks", "fleet-startup-" + name + "-" + run + ".log"),
                        StandardCopyOption.REPLACE_EXISTING);
                corral.close();
            }
        }
        return starts;
    }

    private static Optional<String> find(List<String> log, Pattern pattern) {
        for (String line : log) {
            Matcher m = pattern.matcher(line);
            if (m.find()) {
                return Optional.of(m.group(1));
            }
        }
        return Optional.empty();
    }

    /**
     * Samples the child's main thread (which runs the start-up work) through the attach API and
     * JMX, every 100 ms, counting the innermost Corral method on its stack.
     */
    private static final class Profile {
        private final Map<String, Integer> counts = new LinkedHashMap<>();
        private volatile boolean running = true;
        private Thread thread;
        private int samples;
        private long began;
        private long attachedAfter = -1;

        void start() {
            began = System.nanoTime();
            thread = Thread.ofPlatform().daemon().name("fleet-benchmark-child-profile").start(this::sample);
        }

        private void sample() {
            try {
                ProcessHandle child = waitForChild();
                VirtualMachine vm = VirtualMachine.attach(String.valueOf(child.pid()));
                String address = vm.startLocalManagementAgent();
                vm.detach();
                try (JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(address))) {
                    attachedAfter = (System.nanoTime() - began) / 1_000_000;
                    MBeanServerConnection server = connector.getMBeanServerConnection();
                    ThreadMXBean threads = ManagementFactory.newPlatformMXBeanProxy(server, ManagementFactory.THREAD_MXBEAN_NAME,
                            ThreadMXBean.class);
                    long main = 1;
                    for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
                        if (info != null && info.getThreadName().equals("main")) {
                            main = info.getThreadId();
                        }
                    }
                    while (running) {
                        ThreadInfo info = threads.getThreadInfo(main, 256);
                        if (info == null) {
                            return;
                        }
                        record(info.getStackTrace());
                        Thread.sleep(100);
                    }
                }
            } catch (Exception e) {
                counts.put("(profiling failed: " + e + ")", 1);
            }
        }

        private synchronized void record(StackTraceElement[] stack) {
            samples++;
            String where = null;
            for (StackTraceElement frame : stack) {
                if (frame.getClassName().startsWith("dev.corral.") && !frame.getClassName().startsWith("dev.corral.CorralApplication")) {
                    where = frame.getClassName().substring("dev.corral.".length()).replaceAll("\\$\\$.*", "") + "."
                            + frame.getMethodName();
                    break;
                }
            }
            if (where == null) {
                where = "(" + library(stack) + ")";
            }
            counts.merge(where, 1, Integer::sum);
        }

        /** The library the thread is in, by its innermost frame outside the JDK. */
        private static String library(StackTraceElement[] stack) {
            String[][] known = {{"org.hibernate.", "Hibernate set-up"}, {"com.vaadin.", "Vaadin set-up"},
                {"org.flywaydb.", "Flyway"}, {"org.apache.catalina.", "Tomcat"}, {"org.apache.tomcat.", "Tomcat"},
                {"com.unboundid.", "embedded LDAP directory"}, {"org.springframework.ldap.", "embedded LDAP directory"},
                {"org.h2.", "H2"}, {"org.springdoc.", "springdoc"}, {"org.springframework.", "Spring context"}};
            for (StackTraceElement frame : stack) {
                String type = frame.getClassName();
                if (type.startsWith("java.") || type.startsWith("jdk.") || type.startsWith("sun.")) {
                    continue;
                }
                for (String[] k : known) {
                    if (type.startsWith(k[0])) {
                        return k[1];
                    }
                }
                return type.contains(".") ? type.substring(0, type.lastIndexOf('.')) : type;
            }
            return "JVM";
        }

        private static ProcessHandle waitForChild() throws InterruptedException {
            for (int i = 0; i < 600; i++) {
                // CorralProcess starts Corral as this JVM's only child process.
                Optional<ProcessHandle> child = ProcessHandle.current().children()
                        .filter(p -> p.isAlive() && p.info().command().orElse("").endsWith("java")).findFirst();
                if (child.isPresent()) {
                    Thread.sleep(300); // until its JVM accepts attaching
                    return child.get();
                }
                Thread.sleep(50);
            }
            throw new IllegalStateException("no Corral child process");
        }

        String stop() throws InterruptedException {
            running = false;
            thread.join(5_000);
            return summary();
        }

        private synchronized String summary() {
            int total = Math.max(1, samples);
            List<Map.Entry<String, Integer>> sorted = new ArrayList<>(counts.entrySet());
            sorted.sort((a, b) -> b.getValue() - a.getValue());
            List<String> parts = new ArrayList<>();
            for (Map.Entry<String, Integer> e : sorted.subList(0, Math.min(6, sorted.size()))) {
                parts.add(String.format(Locale.ROOT, "%s %.1f s", e.getKey(), e.getValue() / 10.0));
            }
            return String.join(", ", parts) + " (main thread, " + total + " samples every 100 ms from " + attachedAfter
                    + " ms after the process was started)";
        }
    }
}
