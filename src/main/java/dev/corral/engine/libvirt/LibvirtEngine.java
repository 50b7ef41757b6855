package dev.corral.engine.libvirt;

import dev.corral.engine.EngineException;
import dev.corral.engine.HostConnection;
import dev.corral.engine.HypervisorEngine;
import java.net.URI;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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

    public LibvirtEngine(
            @Value("${corral.engine.libvirt.domain-type:auto}") String domainType,
            @Value("${corral.engine.libvirt.image-dir:/var/lib/libvirt/images}") String imageDir,
            @Value("${corral.engine.libvirt.migration-dir:${java.io.tmpdir}}") String migrationDir) {
        this.settings = new LibvirtSettings(domainType, imageDir, migrationDir);
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
        EventLoop.ensureStarted();
        LibvirtHostConnection connection = new LibvirtHostConnection(uri, settings, open::remove);
        open.add(connection);
        return connection;
    }
}
