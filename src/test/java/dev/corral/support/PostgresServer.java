package dev.corral.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A private PostgreSQL server (Debian's package) on a loopback port, with its cluster in a
 * temporary folder: what the {@code postgres} profile is tested against. Run as root (as CI
 * does), the server runs as the {@code postgres} system user the package creates. Needs the
 * postgresql package (.ci/run installs it).
 */
public final class PostgresServer implements AutoCloseable {

    public static final String DATABASE = "corral";
    public static final String USER = "corral";
    public static final String PASSWORD = "corral-test-secret";

    private final Path bin;
    private final Path folder;
    private final int port;
    private final boolean asPostgres;

    private PostgresServer(Path bin, Path folder, int port, boolean asPostgres) {
        this.bin = bin;
        this.folder = folder;
        this.port = port;
        this.asPostgres = asPostgres;
    }

    /** Why PostgreSQL cannot run here, or null when it can. */
    public static String unavailable() {
        return binaries() == null ? "PostgreSQL's server is not installed (apt-get install postgresql)" : null;
    }

    public static PostgresServer start() throws IOException, InterruptedException {
        Path bin = binaries();
        if (bin == null) {
            throw new IllegalStateException(unavailable());
        }
        boolean root = "root".equals(System.getProperty("user.name"));
        Path folder = Files.createTempDirectory("corral-postgres");
        Path data = folder.resolve("data");
        Path password = folder.resolve("password");
        Files.writeString(password, PASSWORD + "\n");
        if (root) {
            run(folder, "chown", "-R", "postgres:postgres", folder.toString());
        }
        int port = freePort();
        PostgresServer server = new PostgresServer(bin, folder, port, root);
        server.as(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", USER, "--pwfile=" + password,
                "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8", "--no-sync");
        server.as(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", folder.resolve("postgres.log").toString(),
                "-w", "-t", "60", "-o", "-p " + port + " -k " + folder + " -c listen_addresses=127.0.0.1 -c fsync=off", "start");
        server.as(bin.resolve("createdb").toString(), "-h", folder.toString(), "-p", String.valueOf(port), "-U", USER,
                DATABASE);
        return server;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        as(bin.resolve("pg_ctl").toString(), "-D", folder.resolve("data").toString(), "-m", "immediate", "-w", "stop");
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** Runs a PostgreSQL program, as the postgres user when the tests run as root (initdb refuses root). */
    private void as(String... command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (asPostgres) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(List.of(command));
        run(folder, full.toArray(String[]::new));
    }

    private static Path binaries() {
        Path versions = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(versions)) {
            return null;
        }
        try (Stream<Path> found = Files.list(versions)) {
            return found.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("pg_ctl")))
                    .max(Comparator.comparing(Path::toString)).orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    private static void run(Path folder, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
