package dev.corral.engine.libvirt;

import dev.corral.engine.EngineException;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Which libvirt URI query parameters a host URI may carry. libvirt acts on them on the Corral
 * server: {@code command=} runs a local program, {@code netcat=} a remote one through the shell,
 * {@code socket=} and {@code name=} reach other sockets and drivers, {@code authfile=} reads
 * credentials from any file, {@code known_hosts_verify=} and {@code tls_priority=} switch off or
 * weaken verification. Only parameters that choose credentials or a transport are allowed:
 * <ul>
 * <li>qemu+ssh: {@code keyfile} and {@code known_hosts} (absolute paths; read, never run),
 * {@code sshauth} (a list of ssh auth methods), {@code no_tty} (0 or 1), {@code mode} (which remote
 * daemon: auto, legacy, direct);</li>
 * <li>qemu+tls: {@code pkipath} (absolute path of the client certificates), {@code mode};</li>
 * <li>qemu, qemu+tcp, qemu+unix: {@code mode};</li>
 * <li>esx, vpx: {@code transport} (http or https), {@code no_verify} (0 or 1: self-signed
 * certificates are common there);</li>
 * <li>hyperv: {@code transport} (http or https);</li>
 * <li>test: none.</li>
 * </ul>
 * Values are checked strictly, too: libvirt also splits parameters at ';', so a value such as
 * {@code /k;command=/tmp/x} must not pass as a path. And hypervisors on the Corral server itself
 * (test://, qemu:/// and qemu+unix:// without a host) only as {@link LocalHosts} allows: a
 * test-driver URI names a file libvirt reads, and would quote, on the Corral server.
 */
final class HostUris {

    private static final Pattern ABSOLUTE_PATH = Pattern.compile("/[A-Za-z0-9._/+@-]*");
    private static final Predicate<String> PATH = v -> ABSOLUTE_PATH.matcher(v).matches() && !v.contains("..");
    private static final Predicate<String> FLAG = v -> v.equals("0") || v.equals("1");
    private static final Predicate<String> MODE = Set.of("auto", "legacy", "direct")::contains;
    private static final Predicate<String> TRANSPORT = Set.of("http", "https")::contains;
    private static final Predicate<String> SSH_AUTH = v -> v.matches(
            "(agent|privkey|password|keyboard-interactive)(,(agent|privkey|password|keyboard-interactive))*");

    private static final Map<String, Map<String, Predicate<String>>> ALLOWED = Map.of(
            "qemu+ssh", Map.of("keyfile", PATH, "known_hosts", PATH, "sshauth", SSH_AUTH, "no_tty", FLAG, "mode", MODE),
            "qemu+tls", Map.of("pkipath", PATH, "mode", MODE),
            "qemu+tcp", Map.of("mode", MODE),
            "qemu+unix", Map.of("mode", MODE),
            "qemu", Map.of("mode", MODE),
            "esx", Map.of("transport", TRANSPORT, "no_verify", FLAG),
            "vpx", Map.of("transport", TRANSPORT, "no_verify", FLAG),
            "hyperv", Map.of("transport", TRANSPORT));

    private HostUris() {
    }

    /** Refuses, with {@link EngineException.InvalidSpec}, a URI with a parameter or host libvirt must not get. */
    static void check(URI uri, LocalHosts local) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        checkLocal(uri, scheme, local);
        if (uri.getRawFragment() != null) {
            throw new EngineException.InvalidSpec("Host URI " + uri + " must not have a #fragment.");
        }
        String host = uri.getHost();
        if (host != null && host.startsWith("-")) {
            throw new EngineException.InvalidSpec("\"" + host + "\" is not a host name.");
        }
        String query = uri.getRawQuery();
        if (query == null || query.isEmpty()) {
            return;
        }
        Map<String, Predicate<String>> allowed = ALLOWED.getOrDefault(scheme, Map.of());
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            Predicate<String> valid = allowed.get(name);
            if (valid == null) {
                throw new EngineException.InvalidSpec("Host URI parameter \"" + name + "\" is not allowed for "
                        + scheme + ":// hosts; Corral allows " + (allowed.isEmpty() ? "none"
                        : String.join(", ", allowed.keySet().stream().sorted().toList())) + ".");
            }
            if (!valid.test(value)) {
                throw new EngineException.InvalidSpec("\"" + value + "\" is not a valid value for host URI parameter "
                        + name + ".");
            }
        }
    }

    private static void checkLocal(URI uri, String scheme, LocalHosts local) {
        boolean test = scheme.equals("test");
        boolean localQemu = (scheme.equals("qemu") || scheme.equals("qemu+unix"))
                && (uri.getRawAuthority() == null || uri.getRawAuthority().isEmpty());
        if (!test && !localQemu) {
            return;
        }
        if (!local.allowed()) {
            throw new EngineException.InvalidSpec("Corral does not connect to hypervisors on its own server here "
                    + "(corral.engine.libvirt.local-hosts is off); give the host's remote URI, e.g. "
                    + "qemu+ssh://root@host/system.");
        }
        if (test && !"/default".equals(uri.getRawPath()) && !inTestDriverDir(uri, local.testDriverDir())) {
            throw new EngineException.InvalidSpec("Corral takes libvirt test-driver node files only from its "
                    + "test-driver folder (corral.engine.libvirt.test-driver-dir).");
        }
    }

    /**
     * Whether a test-driver URI names a file of the folder, links resolved. Escapes are refused:
     * Java and libvirt might decode them differently. A file that does not exist is judged by its
     * name, and libvirt's failure to open it tells nothing but that.
     */
    private static boolean inTestDriverDir(URI uri, Path folder) {
        String path = uri.getRawPath();
        if (folder == null || uri.getRawAuthority() != null || path == null || !path.startsWith("/")
                || path.contains("%")) {
            return false;
        }
        Path file = Path.of(path).normalize();
        if (!file.startsWith(folder)) {
            return false;
        }
        try {
            return !Files.exists(file) || file.toRealPath().startsWith(folder.toRealPath());
        } catch (IOException e) {
            return false;
        }
    }

    /** Percent-decoding; a '+' becomes a space here but stays '+' in libvirt, so no value Corral allows differs. */
    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new EngineException.InvalidSpec("\"" + text + "\" is not a valid host URI parameter.");
        }
    }
}
