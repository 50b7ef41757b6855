package dev.corral.engine.libvirt;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The engine's configuration.
 *
 * @param domainType      auto, kvm or qemu: the domain type of VMs defined on QEMU hosts
 * @param imageDirs       where disk images may be; images whose path a spec leaves open go into the first
 * @param passThroughDirs where the block devices a pass-through disk names may be
 * @param migrationDir    where quick migration saves memory; both hosts must see it (shared storage); null
 *                        where none is configured
 * @param localHosts      which hypervisors on the Corral server host URIs may name
 * @param console         where the VNC displays of VMs Corral defines listen, and how Corral reaches them
 */
record LibvirtSettings(String domainType, List<String> imageDirs, List<String> passThroughDirs, String migrationDir,
        LocalHosts localHosts, ConsoleSettings console) {

    static final String DEFAULT_IMAGE_DIR = "/var/lib/libvirt/images";
    static final List<String> DEFAULT_PASS_THROUGH_DIRS = List.of("/dev/disk/by-id/", "/dev/disk/by-path/");

    LibvirtSettings {
        domainType = domainType == null || domainType.isBlank() ? "auto" : domainType.strip().toLowerCase(Locale.ROOT);
        if (!Set.of("auto", "kvm", "qemu").contains(domainType)) {
            throw new IllegalArgumentException("corral.engine.libvirt.domain-type is auto, kvm or qemu, not "
                    + domainType);
        }
        imageDirs = nonBlank(imageDirs, List.of(DEFAULT_IMAGE_DIR));
        passThroughDirs = nonBlank(passThroughDirs, DEFAULT_PASS_THROUGH_DIRS);
        migrationDir = migrationDir == null || migrationDir.isBlank() ? null : migrationDir.strip();
        localHosts = localHosts == null ? LocalHosts.NONE : localHosts;
        console = console == null ? ConsoleSettings.DEFAULT : console;
    }

    LibvirtSettings(String domainType, List<String> imageDirs, List<String> passThroughDirs, String migrationDir,
            LocalHosts localHosts) {
        this(domainType, imageDirs, passThroughDirs, migrationDir, localHosts, ConsoleSettings.DEFAULT);
    }

    LibvirtSettings withConsole(ConsoleSettings console) {
        return new LibvirtSettings(domainType, imageDirs, passThroughDirs, migrationDir, localHosts, console);
    }

    /** Settings for tests and tools that build an engine themselves: local hosts allowed, node files anywhere. */
    LibvirtSettings(String domainType, List<String> imageDirs, List<String> passThroughDirs, String migrationDir) {
        this(domainType, imageDirs, passThroughDirs, migrationDir, LocalHosts.ANYWHERE);
    }

    /** The settings of a simple setup (tests, tools): one image directory, the default device directories. */
    static LibvirtSettings of(String domainType, String imageDir, String migrationDir) {
        return new LibvirtSettings(domainType, imageDir == null ? null : List.of(imageDir), null, migrationDir);
    }

    String imageDir() {
        return imageDirs.getFirst();
    }

    DiskPaths diskPaths() {
        return new DiskPaths(imageDirs, passThroughDirs);
    }

    /**
     * Where quick migration between hosts of this kind saves memory, or null. Test-driver hosts
     * all live in this process, so its temporary directory is shared by them.
     */
    String migrationDirFor(HostProfile profile) {
        if (migrationDir == null && profile == HostProfile.TEST) {
            return System.getProperty("java.io.tmpdir");
        }
        return migrationDir;
    }

    private static List<String> nonBlank(List<String> values, List<String> fallback) {
        Set<String> kept = new LinkedHashSet<>();
        if (values != null) {
            values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).forEach(kept::add);
        }
        return kept.isEmpty() ? fallback : List.copyOf(kept);
    }
}
