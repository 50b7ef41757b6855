package dev.corral.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A private OpenLDAP (Debian's slapd) on a loopback port, configured under a temporary folder
 * and loaded with an LDIF file: the real server that external-directory sign-in is tested
 * against. Needs the slapd package (.ci/run installs it).
 */
public final class OpenLdapServer implements AutoCloseable {

    public static final String ROOT_DN_SUFFIX = "cn=admin,";
    public static final String ROOT_PASSWORD = "corral-test-secret";

    private final Process process;
    private final int port;
    private final int tlsPort;
    private final Path folder;

    private OpenLdapServer(Process process, int port, int tlsPort, Path folder) {
        this.process = process;
        this.port = port;
        this.tlsPort = tlsPort;
        this.folder = folder;
    }

    public static OpenLdapServer start(String suffix, Path ldif) throws IOException, InterruptedException {
        return start(suffix, ldif, null);
    }

    /**
     * With a certificate (PEM files; the key unencrypted), the server also offers StartTLS on its
     * plain port and listens for {@code ldaps://} on a second one.
     */
    public static OpenLdapServer start(String suffix, Path ldif, TestCertificates.Pair certificate)
            throws IOException, InterruptedException {
        Path slapd = Path.of("/usr/sbin/slapd");
        if (!Files.isExecutable(slapd)) {
            throw new IllegalStateException("OpenLDAP's slapd is not installed (apt-get install slapd ldap-utils)");
        }
        Path folder = Files.createTempDirectory("corral-slapd");
        Path config = Files.createDirectories(folder.resolve("slapd.d"));
        Path data = Files.createDirectories(folder.resolve("data"));
        Path configLdif = folder.resolve("config.ldif");
        Files.writeString(configLdif, configuration(suffix, data, folder, certificate));
        run(folder, "/usr/sbin/slapadd", "-n0", "-F", config.toString(), "-l", configLdif.toString());
        run(folder, "/usr/sbin/slapadd", "-n1", "-F", config.toString(), "-l", ldif.toString());
        int port = freePort();
        int tlsPort = certificate == null ? -1 : freePort();
        String listeners = "ldap://127.0.0.1:" + port + "/" + (certificate == null ? "" : " ldaps://127.0.0.1:" + tlsPort + "/");
        Process process = new ProcessBuilder(slapd.toString(), "-d", "0", "-h", listeners, "-F", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(folder.resolve("slapd.log").toFile())
                .start();
        OpenLdapServer server = new OpenLdapServer(process, port, tlsPort, folder);
        server.awaitListening(port);
        if (certificate != null) {
            server.awaitListening(tlsPort);
        }
        return server;
    }

    /**
     * Points the ldap profile at this server below {@code suffix}, with its root account as the
     * service account.
     */
    public void connect(org.springframework.test.context.DynamicPropertyRegistry registry, String suffix) {
        registry.add("spring.ldap.urls", this::url);
        registry.add("spring.ldap.base", () -> suffix);
        registry.add("spring.ldap.username", () -> ROOT_DN_SUFFIX + suffix);
        registry.add("spring.ldap.password", () -> ROOT_PASSWORD);
    }

    public String url() {
        return "ldap://127.0.0.1:" + port;
    }

    /** The ldaps:// listener (only when started with a certificate). */
    public String tlsUrl() {
        if (tlsPort < 0) {
            throw new IllegalStateException("this server was started without a certificate");
        }
        return "ldaps://127.0.0.1:" + tlsPort;
    }

    /**
     * Freezes the server (SIGSTOP): it keeps its port open and the kernel still accepts
     * connections, but nothing is answered, a directory that hangs. {@link #resume()} undoes it.
     */
    public void freeze() throws IOException, InterruptedException {
        signal("-STOP");
    }

    public void resume() throws IOException, InterruptedException {
        signal("-CONT");
    }

    private void signal(String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", signal, Long.toString(process.pid())).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill " + signal + " " + process.pid() + " failed");
        }
    }

    private void awaitListening(int port) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("slapd exited: " + Files.readString(folder.resolve("slapd.log")));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        close();
        throw new IllegalStateException("slapd did not listen on port " + port + " within 15 s");
    }

    @Override
    public void close() {
        try {
            resume();
        } catch (IOException | InterruptedException | IllegalStateException alreadyGone) {
            // a stopped process would not end on SIGTERM; one that is gone needs nothing
        }
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String configuration(String suffix, Path data, Path folder, TestCertificates.Pair certificate) {
        String global = "olcPidFile: " + folder.resolve("slapd.pid") + (certificate == null ? ""
                : "\nolcTLSCertificateFile: " + certificate.certificate()
                        + "\nolcTLSCertificateKeyFile: " + certificate.key());
        return String.join("\n", List.of(
                "dn: cn=config", "objectClass: olcGlobal", "cn: config", global, "",
                "dn: cn=module{0},cn=config", "objectClass: olcModuleList", "cn: module{0}",
                "olcModulePath: /usr/lib/ldap", "olcModuleLoad: back_mdb", "olcModuleLoad: ppolicy", "",
                "dn: cn=schema,cn=config", "objectClass: olcSchemaConfig", "cn: schema", "",
                "include: file:///etc/ldap/schema/core.ldif",
                "include: file:///etc/ldap/schema/cosine.ldif",
                "include: file:///etc/ldap/schema/inetorgperson.ldif",
                "include: file:///etc/ldap/schema/nis.ldif", "",
                "dn: olcDatabase={-1}frontend,cn=config", "objectClass: olcDatabaseConfig",
                "objectClass: olcFrontendConfig", "olcDatabase: {-1}frontend", "",
                "dn: olcDatabase={0}config,cn=config", "objectClass: olcDatabaseConfig",
                "olcDatabase: {0}config", "",
                "dn: olcDatabase={1}mdb,cn=config", "objectClass: olcDatabaseConfig", "objectClass: olcMdbConfig",
                "olcDatabase: {1}mdb", "olcDbDirectory: " + data, "olcSuffix: " + suffix,
                "olcRootDN: " + ROOT_DN_SUFFIX + suffix, "olcRootPW: " + ROOT_PASSWORD,
                // Users may bind; only the service account (root here) reads the tree; passwords never leave.
                "olcAccess: {0}to attrs=userPassword by anonymous auth by * none",
                "olcAccess: {1}to * by users read by * none", "",
                // The password policy overlay, so that an account can be locked as OpenLDAP does it.
                "dn: olcOverlay={0}ppolicy,olcDatabase={1}mdb,cn=config", "objectClass: olcOverlayConfig",
                "objectClass: olcPPolicyConfig", "olcOverlay: {0}ppolicy", ""));
    }

    private static void run(Path folder, String... command) throws IOException, InterruptedException {
        Path log = folder.resolve("setup.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + Files.readString(log));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
