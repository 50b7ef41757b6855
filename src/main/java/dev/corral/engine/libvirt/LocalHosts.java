package dev.corral.engine.libvirt;

import java.nio.file.Path;

/**
 * Which hypervisors on the Corral server itself a host URI may name. libvirt acts on such a URI
 * in Corral's own process: {@code qemu:///system} reaches the server's libvirtd, and a test-driver
 * URI names a file that libvirt reads (and quotes in its errors). So a production Corral allows
 * neither, and a demo or test setup allows them with node files from one folder only.
 *
 * @param allowed       whether local URIs (test://, qemu:/// and qemu+unix:// without a host) are allowed at all
 * @param testDriverDir the folder test-driver node files must be in; none (no test-driver hosts) where null
 */
record LocalHosts(boolean allowed, Path testDriverDir) {

    /** The application's default: remote hypervisors only. */
    static final LocalHosts NONE = new LocalHosts(false, null);

    /** For tests and tools that build an engine themselves: every local URI, node files anywhere. */
    static final LocalHosts ANYWHERE = new LocalHosts(true, Path.of("/"));

    LocalHosts {
        testDriverDir = testDriverDir == null ? null : testDriverDir.toAbsolutePath().normalize();
    }

    /** From corral.engine.libvirt.local-hosts and corral.engine.libvirt.test-driver-dir (blank: none). */
    static LocalHosts of(boolean allowed, String testDriverDir) {
        return new LocalHosts(allowed, testDriverDir == null || testDriverDir.isBlank() ? null : Path.of(testDriverDir.strip()));
    }
}
