package dev.corral.engine.libvirt;

import java.util.Locale;
import java.util.Set;

/**
 * The engine's configuration.
 *
 * @param domainType   auto, kvm or qemu: the domain type of VMs defined on QEMU hosts
 * @param imageDir     where disk images go whose path a spec leaves open
 * @param migrationDir where quick migration saves memory; both hosts must see it (shared storage)
 */
record LibvirtSettings(String domainType, String imageDir, String migrationDir) {

    LibvirtSettings {
        domainType = domainType == null || domainType.isBlank() ? "auto" : domainType.strip().toLowerCase(Locale.ROOT);
        if (!Set.of("auto", "kvm", "qemu").contains(domainType)) {
            throw new IllegalArgumentException("corral.engine.libvirt.domain-type is auto, kvm or qemu, not "
                    + domainType);
        }
        imageDir = imageDir == null || imageDir.isBlank() ? "/var/lib/libvirt/images" : imageDir;
        migrationDir = migrationDir == null || migrationDir.isBlank() ? System.getProperty("java.io.tmpdir")
                : migrationDir;
    }
}
