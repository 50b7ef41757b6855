package dev.corral.engine.libvirt;

import dev.corral.engine.EngineException;
import dev.corral.engine.HostConnection;
import dev.corral.engine.HypervisorEngine;
import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Hosts reached through libvirt: QEMU/KVM (local or over ssh, tls, tcp), Hyper-V, VMware and
 * libvirt's test driver ({@code test:///absolute/path/node.xml}).
 */
@Component
public class LibvirtEngine implements HypervisorEngine {

    private final LibvirtSettings settings;
    /*
     * Every open connection stays reachable from here until it is closed: libvirt holds the
     * native pointer of each connection's event callback, and if the Java side were collected
     * first, libvirt's next event would call into freed memory and crash the JVM.
     */
    private final Set<LibvirtHostConnection> open = ConcurrentHashMap.newKeySet();

    /**
     * @param imageDir        where images go whose path a spec leaves open
     * @param imageDirs       further directories, comma-separated, whose images specs may name
     * @param passThroughDirs the directories, comma-separated, of devices pass-through disks may name
     * @param migrationDir    the directory quick migration saves memory to, shared by the hosts; none if blank
     * @param localHosts      whether host URIs may name hypervisors on the Corral server (test://, qemu:///…)
     * @param testDriverDir   the folder test-driver node files must be in; none if blank
     * @param consoleListen   where the VNC displays of VMs Corral defines listen
     * @param consoleDirect   whether Corral connects to displays over TCP instead of through libvirt
     */
    @Autowired
    public LibvirtEngine(
            @Value("${corral.engine.libvirt.domain-type:auto}") String domainType,
            @Value("${corral.engine.libvirt.image-dir:/var/lib/libvirt/images}") String imageDir,
            @Value("${corral.engine.libvirt.image-dirs:}") String imageDirs,
            @Value("${corral.engine.libvirt.pass-through-dirs:/dev/disk/by-id/,/dev/disk/by-path/}")
            String passThroughDirs,
            @Value("${corral.engine.libvirt.migration-dir:}") String migrationDir,
            @Value("${corral.engine.libvirt.local-hosts:false}") boolean localHosts,
            @Value("${corral.engine.libvirt.test-driver-dir:}") String testDriverDir,
            @Value("${corral.engine.libvirt.console.listen:127.0.0.1}") String consoleListen,
            @Value("${corral.engine.libvirt.console.direct:false}") boolean consoleDirect) {
        this(new LibvirtSettings(domainType, Stream.concat(Stream.of(imageDir), split(imageDirs)).toList(),
                split(passThroughDirs).toList(), migrationDir, LocalHosts.of(localHosts, testDriverDir),
                new ConsoleSettings(consoleListen, consoleDirect)));
    }

    /**
     * For tests and tools: one image directory, the default device directories; no migration
     * directory where null; local hosts allowed, test-driver node files from anywhere.
     */
    public LibvirtEngine(String domainType, String imageDir, String migrationDir) {
        this(LibvirtSettings.of(domainType, imageDir, migrationDir));
    }

    /** For tests: as {@link #LibvirtEngine(String, String, String)}, with the console settings given. */
    public LibvirtEngine(String domainType, String imageDir, String migrationDir, String consoleListen,
            boolean consoleDirect) {
        this(LibvirtSettings.of(domainType, imageDir, migrationDir)
                .withConsole(new ConsoleSettings(consoleListen, consoleDirect)));
    }

    LibvirtEngine(LibvirtSettings settings) {
        this.settings = settings;
    }

    private static Stream<String> split(String list) {
        return list == null ? Stream.empty() : Arrays.stream(list.split(",")).map(String::strip);
    }

    @Override
    public String name() {
        return "libvirt";
    }

    @Override
    public boolean handles(URI uri) {
        return uri != null && uri.getScheme() != null
                && HostProfile.SCHEMES.contains(uri.getScheme().toLowerCase(Locale.ROOT));
    }

    @Override
    public HostConnection connect(URI uri) {
        if (!handles(uri)) {
            throw new EngineException.Unsupported("The libvirt engine does not handle \"" + uri + "\".");
        }
        HostUris.check(uri, settings.localHosts());
        EventLoop.ensureStarted();
        LibvirtHostConnection connection = new LibvirtHostConnection(uri, settings, open::remove);
        open.add(connection);
        return connection;
    }
}
