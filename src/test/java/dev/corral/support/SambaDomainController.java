package dev.corral.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.naming.Context;
import javax.naming.NamingException;
import javax.naming.directory.BasicAttribute;
import javax.naming.directory.DirContext;
import javax.naming.directory.InitialDirContext;
import javax.naming.directory.ModificationItem;
import org.junit.jupiter.api.Assumptions;

/**
 * A throwaway Active Directory domain ({@value #REALM}) served by a real Samba domain controller
 * on 127.0.0.1 (LDAP on 389, LDAPS on 636), provisioned into a temporary folder with a private
 * smb.conf, state and lock folders, and filled by {@code src/test/resources/samba/populate.py}:
 * <ul>
 *   <li>{@code dana}: rights through nesting (vm-operators, inside corral-admins);</li>
 *   <li>{@code erin.smith}: UPN {@code erin.smith@acme.com}, another suffix than the domain's;</li>
 *   <li>{@code jürgen}: a name beyond ASCII; {@code bea}: branch-operators; {@code dev}: a group
 *       cycle, a distribution list and a same-named group outside the group base;</li>
 *   <li>{@code disabled.user}, {@code expired.user} (accountExpires past), {@code locked.user}
 *       (locked out now; the domain locks after 3 wrong passwords for 30 minutes), all in
 *       auditors; {@code careless} and {@code careful}, for tests that lock or change them;</li>
 *   <li>{@code corral-reader}, a plain user as service account; {@code Administrator}, no UPN.</li>
 * </ul>
 * One domain controller per test JVM ({@link #shared()}), since Samba's LDAP ports are fixed; it
 * stops when the JVM exits (and by itself should the JVM die: it ends when its standard input
 * closes, and after an hour at most). Needs root and Debian's samba, samba-ad-dc,
 * samba-ad-provision, samba-dsdb-modules and python3-samba (.ci/run installs them); where Samba
 * cannot start, the tests that need it are skipped with the reason.
 */
public final class SambaDomainController implements AutoCloseable {

    public static final String REALM = "CORP.ACME.TEST";
    public static final String DOMAIN = "corp.acme.test";
    public static final String NETBIOS_DOMAIN = "CORP";
    public static final String ROOT_DN = "DC=corp,DC=acme,DC=test";
    public static final String PEOPLE = "OU=People," + ROOT_DN;
    public static final String GROUPS = "OU=Groups," + ROOT_DN;
    /** Every populated account's password. */
    public static final String PASSWORD = "Corral-Pass-1";
    public static final String ADMINISTRATOR_PASSWORD = "Corral-Admin-1";
    public static final String SERVICE_ACCOUNT = "corral-reader@" + DOMAIN;
    private static final String ADDRESS = "127.0.0.1";
    private static final Duration START_WITHIN = Duration.ofSeconds(60);

    private static SambaDomainController shared;
    private static String unavailable;

    private final Path folder;
    private final Process process;
    private final Duration provisioning;

    private SambaDomainController(Path folder, Process process, Duration provisioning) {
        this.folder = folder;
        this.process = process;
        this.provisioning = provisioning;
    }

    /**
     * The domain controller of this JVM, provisioned and started on first use. Where Samba cannot
     * start, a JUnit assumption fails with the reason (the caller's tests are skipped), each time asked.
     */
    public static synchronized SambaDomainController shared() {
        if (shared == null && unavailable == null) {
            try {
                shared = start();
                Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "samba-stop"));
            } catch (IOException | IllegalStateException e) {
                unavailable = e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                unavailable = "interrupted while starting Samba";
            }
        }
        Assumptions.assumeTrue(unavailable == null, () -> "Samba's AD domain controller cannot start: " + unavailable);
        return shared;
    }

    private static SambaDomainController start() throws IOException, InterruptedException {
        for (String tool : List.of("/usr/sbin/samba", "/usr/bin/samba-tool", "/usr/bin/python3")) {
            if (!Files.isExecutable(Path.of(tool))) {
                throw new IllegalStateException(tool + " is missing (apt-get install samba samba-ad-dc "
                        + "samba-ad-provision samba-dsdb-modules python3-samba winbind)");
            }
        }
        if (!"root".equals(System.getProperty("user.name"))) {
            throw new IllegalStateException("a domain controller listens on port 389, which needs root; this JVM runs as "
                    + System.getProperty("user.name"));
        }
        if (listening(389) || listening(636)) {
            throw new IllegalStateException("something else already listens on " + ADDRESS + " port 389 or 636");
        }
        Path folder = Files.createTempDirectory("corral-samba");
        Instant began = Instant.now();
        run(folder, "/usr/bin/samba-tool", "domain", "provision", "--targetdir=" + folder, "--realm=" + REALM,
                "--domain=" + NETBIOS_DOMAIN, "--host-name=corral-dc", "--server-role=dc", "--dns-backend=NONE",
                "--use-rfc2307", "--adminpass=" + ADMINISTRATOR_PASSWORD,
                "--option=interfaces=" + ADDRESS, "--option=bind interfaces only=yes",
                "--option=server services=ldap");
        Path config = folder.resolve("etc/smb.conf");
        // What provisioning does not write: simple binds over plain LDAP, as a domain controller
        // accepts them by default, and logs in the folder.
        Files.writeString(config, Files.readString(config).replaceFirst("(?m)^\\[global\\]$",
                "[global]\n\tldap server require strong auth = no\n\tlog file = " + folder.resolve("log.%m")
                        + "\n\tlog level = 1"));
        Path populate = folder.resolve("populate.py");
        try (InputStream script = SambaDomainController.class.getResourceAsStream("/samba/populate.py")) {
            if (script == null) {
                throw new IllegalStateException("samba/populate.py is not on the test class path");
            }
            Files.copy(script, populate);
        }
        run(folder, "/usr/bin/python3", populate.toString(), folder.resolve("private/sam.ldb").toString(), PASSWORD,
                config.toString());
        Duration provisioning = Duration.between(began, Instant.now());
        Process process = new ProcessBuilder("/usr/sbin/samba", "-i", "-M", "single", "-s", config.toString(),
                "--debug-stdout", "-d", "1", "--maximum-runtime=3600")
                .redirectErrorStream(true)
                .redirectOutput(folder.resolve("samba.log").toFile())
                .start(); // its standard input stays a pipe: Samba ends when it closes
        SambaDomainController samba = new SambaDomainController(folder, process, provisioning);
        samba.awaitAnswering();
        System.out.println("Samba AD DC for " + REALM + " provisioned in " + provisioning.toMillis() + " ms, answering "
                + Duration.between(began, Instant.now()).minus(provisioning).toMillis() + " ms later; folder " + folder);
        return samba;
    }

    public String url() {
        return "ldap://" + ADDRESS + ":389";
    }

    public String ldapsUrl() {
        return "ldaps://" + ADDRESS + ":636";
    }

    /** The certificate authority Samba made for its own TLS certificate (PEM). */
    public Path certificateAuthority() {
        return folder.resolve("private/tls/ca.pem");
    }

    /** How long provisioning and filling the domain took. */
    public Duration provisioning() {
        return provisioning;
    }

    /** The DN of a populated user: each is {@code CN=<account>} under {@value #PEOPLE}. */
    public static String userDn(String account) {
        return "CN=" + account + "," + PEOPLE;
    }

    /** Sets (or, with no value, removes) an attribute, as the domain's Administrator would. */
    public void replace(String dn, String attribute, String... values) {
        BasicAttribute changed = new BasicAttribute(attribute);
        for (String value : values) {
            changed.add(value);
        }
        int operation = values.length == 0 ? DirContext.REMOVE_ATTRIBUTE : DirContext.REPLACE_ATTRIBUTE;
        withAdministrator(ldap -> ldap.modifyAttributes(dn, new ModificationItem[] {new ModificationItem(operation, changed)}));
    }

    /** Reads one attribute of an entry, as the domain's Administrator; null when it has none. */
    public String read(String dn, String attribute) {
        String[] value = new String[1];
        withAdministrator(ldap -> {
            var found = ldap.getAttributes(dn, new String[] {attribute}).get(attribute);
            value[0] = found == null ? null : String.valueOf(found.get());
        });
        return value[0];
    }

    /** Freezes the domain controller (SIGSTOP): it accepts connections but answers nothing. */
    public void freeze() throws IOException, InterruptedException {
        signal("STOP");
    }

    public void thaw() throws IOException, InterruptedException {
        signal("CONT");
    }

    private void signal(String name) throws IOException, InterruptedException {
        List<Long> pids = new ArrayList<>(List.of(process.pid()));
        process.descendants().forEach(child -> pids.add(child.pid()));
        List<String> command = new ArrayList<>(List.of("kill", "-" + name));
        pids.forEach(pid -> command.add(Long.toString(pid)));
        if (new ProcessBuilder(command).inheritIO().start().waitFor() != 0) {
            throw new IllegalStateException("kill -" + name + " " + pids + " failed");
        }
    }

    private interface Change {
        void apply(DirContext ldap) throws NamingException;
    }

    private void withAdministrator(Change change) {
        Hashtable<String, Object> environment = new Hashtable<>();
        environment.put(Context.INITIAL_CONTEXT_FACTORY, "com.sun.jndi.ldap.LdapCtxFactory");
        environment.put(Context.PROVIDER_URL, url());
        environment.put(Context.SECURITY_PRINCIPAL, "Administrator@" + DOMAIN);
        environment.put(Context.SECURITY_CREDENTIALS, ADMINISTRATOR_PASSWORD);
        environment.put("com.sun.jndi.ldap.read.timeout", "10000");
        try {
            DirContext ldap = new InitialDirContext(environment);
            try {
                change.apply(ldap);
            } finally {
                ldap.close();
            }
        } catch (NamingException e) {
            throw new IllegalStateException("Samba refused a change as Administrator: " + e.getMessage(), e);
        }
    }

    private void awaitAnswering() throws IOException {
        try {
            Await.until("Samba to accept a bind on " + url(), START_WITHIN, () -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException("samba exited with " + process.exitValue() + ": " + tail());
                }
                return answers();
            }, answering -> answering);
        } catch (AssertionError e) {
            close();
            throw new IllegalStateException("samba did not answer within " + START_WITHIN.toSeconds() + " s: " + tail());
        }
    }

    private boolean answers() {
        try {
            read(ROOT_DN, "objectGUID");
            return true;
        } catch (IllegalStateException notYet) {
            return false;
        }
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(folder.resolve("samba.log"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            try {
                thaw();
            } catch (IOException | InterruptedException | IllegalStateException e) {
                // It was not frozen, or is gone: stopping it below is what matters.
            }
            try {
                process.getOutputStream().close(); // Samba ends when its standard input closes
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroy();
                }
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (IOException e) {
                process.destroy();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            // A temporary folder: the system cleans it up eventually.
        }
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(ADDRESS, port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void run(Path folder, String... command) throws IOException, InterruptedException {
        Path log = folder.resolve("setup.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            throw new IllegalStateException(command[0] + " " + command[1] + " failed: "
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size())));
        }
    }
}
