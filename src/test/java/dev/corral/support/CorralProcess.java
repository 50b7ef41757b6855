package dev.corral.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Corral as a separate JVM, the way it runs in production: started from the test class path with
 * a file database and a simulator folder of the test's choosing, killed with SIGKILL when a test
 * wants a crash. Its output goes to a log file next to its data.
 */
public final class CorralProcess implements AutoCloseable {

    private final Path data;
    private final List<String> extraArguments;
    private final int port;
    private List<String> database;
    private long fileSizeLimitKiB;
    private Process process;
    private int starts;

    public CorralProcess(Path data, String... extraArguments) throws IOException {
        this.data = data;
        this.extraArguments = List.of(extraArguments);
        try (ServerSocket socket = new ServerSocket(0)) {
            this.port = socket.getLocalPort();
        }
        Files.createDirectories(data);
        this.database = List.of("--spring.datasource.url=jdbc:h2:file:" + data.resolve("db/corral").toAbsolutePath()
                + ";AUTO_SERVER=FALSE;WRITE_DELAY=0");
    }

    /**
     * Lets no file of the process grow beyond this size (the shell's {@code ulimit -f}): writes past
     * it fail as on a full disk.
     */
    public CorralProcess withFileSizeLimit(long bytes) {
        this.fileSizeLimitKiB = Math.max(1, bytes / 1024);
        return this;
    }

    /** Corral on a PostgreSQL database (the postgres profile) instead of a file H2 of its own. */
    public static CorralProcess onPostgres(Path data, PostgresServer server, String... extraArguments) throws IOException {
        CorralProcess corral = new CorralProcess(data, extraArguments);
        corral.database = List.of("--spring.profiles.active=postgres", "--spring.datasource.url=" + server.jdbcUrl(),
                "--spring.datasource.username=" + PostgresServer.USER, "--spring.datasource.password=" + PostgresServer.PASSWORD);
        return corral;
    }

    public int port() {
        return port;
    }

    public Path log() {
        return data.resolve("corral-" + port + "-" + starts + ".log");
    }

    /** Starts Corral and waits until it answers its API; answers how long that took. */
    public Duration start(Duration timeout) throws IOException, InterruptedException {
        starts++;
        Instant began = Instant.now();
        process = new ProcessBuilder(command()).redirectErrorStream(true).redirectOutput(log().toFile()).start();
        Instant deadline = began.plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Corral exited with " + process.exitValue() + " while starting; see " + log()
                        + ":\n" + tail());
            }
            if (ready() && answers()) {
                return Duration.between(began, Instant.now());
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("Corral did not answer within " + timeout + "; see " + log() + ":\n" + tail());
    }

    private List<String> command() {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx768m", "-XX:TieredStopAtLevel=1",
                "-Dspring.config.additional-location=optional:classpath:/corral-test/", "-cp", classPath,
                "dev.corral.CorralApplication",
                "--server.port=" + port,
                "--corral.simulator.state-dir=" + data.resolve("simulator").toAbsolutePath(),
                "--logging.level.root=warn"));
        command.addAll(database);
        command.addAll(extraArguments);
        if (fileSizeLimitKiB > 0) {
            // The limit applies to every file the process writes; a write past it fails (EFBIG) as on a full disk.
            List<String> limited = new ArrayList<>(List.of("bash", "-c",
                    "ulimit -f " + fileSizeLimitKiB + " && trap '' XFSZ && exec \"$0\" \"$@\""));
            limited.addAll(command);
            return limited;
        }
        return command;
    }

    /** Starts Corral where it is expected to refuse to start; answers its exit code. */
    public int startExpectingFailure(Duration timeout) throws IOException, InterruptedException {
        starts++;
        process = new ProcessBuilder(command()).redirectErrorStream(true).redirectOutput(log().toFile()).start();
        if (!process.waitFor(timeout.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)) {
            throw new IllegalStateException("Corral was expected to stop but still runs; see " + log());
        }
        return process.exitValue();
    }

    /** SIGKILL: no shutdown hooks, no flushing, as when the machine loses power. */
    public void kill() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    /** The line Corral logs once its start-up work is done (dev.corral.base.ReadyAnnouncement). */
    private boolean ready() throws IOException {
        try (var lines = Files.lines(log(), StandardCharsets.UTF_8)) {
            return lines.anyMatch(line -> line.contains("Corral is ready"));
        } catch (java.io.UncheckedIOException e) {
            return false;
        }
    }

    private boolean answers() {
        try {
            HttpResponse<Void> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/api/v1/me")).timeout(Duration.ofSeconds(2))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:demo"
                            .getBytes(StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private String tail() throws IOException {
        List<String> lines = Files.readAllLines(log());
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
