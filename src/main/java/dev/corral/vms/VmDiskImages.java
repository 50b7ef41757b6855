package dev.corral.vms;

import dev.corral.base.RuleViolationException;
import dev.corral.engine.VmSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which VM of the inventory uses each image or host volume a request named: a disk's source is
 * one VM's only (two writers corrupt it, and another tenant's image is their data), a
 * differencing parent may be shared by many children but not be another VM's writable disk.
 * Paths are compared normalised ("/a//b/" is "/a/b"). The unique exclusive path also settles two
 * creations racing for one image: the second cannot be registered, and is removed from its host.
 */
@Component
class VmDiskImages {

    /** A VM using an image: as its disk's source (it writes to it) or as a differencing parent. */
    record Use(UUID vmId, String vmName, boolean writes) {
    }

    private final JdbcTemplate jdbc;

    VmDiskImages(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Who uses the path, if any VM of the inventory does; a writer first. */
    Optional<Use> userOf(String path) {
        return jdbc.query("SELECT d.vm_id, v.name, d.exclusive_path FROM vm_disk_image d JOIN vm v ON v.id = d.vm_id "
                + "WHERE d.path = ? ORDER BY CASE WHEN d.exclusive_path IS NULL THEN 1 ELSE 0 END, v.name",
                (rs, row) -> new Use(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3) != null),
                normalized(path)).stream().findFirst();
    }

    /**
     * Refuses (422 at the disk's field) a source another VM uses or that two disks name, and a
     * parent that is another VM's writable disk. The VM using it is named only to a caller who
     * may see it.
     */
    void requireUnused(List<VmSpec.Disk> disks, java.util.function.Predicate<UUID> visible) {
        java.util.Set<String> sources = new java.util.HashSet<>();
        for (int i = 0; i < disks.size(); i++) {
            VmSpec.Disk disk = disks.get(i);
            String at = "disks[" + i + "]";
            if (disk.source() != null) {
                if (!sources.add(normalized(disk.source()))) {
                    throw new RuleViolationException(at + ".source", disk.source() + " is named by two disks of this VM.");
                }
                userOf(disk.source()).ifPresent(use -> {
                    throw new RuleViolationException(at + ".source", disk.source() + " is already used by "
                            + who(use, visible) + "; an image or host volume is attached to one VM only.");
                });
            }
            if (disk.parent() != null) {
                if (sources.contains(normalized(disk.parent()))) {
                    throw new RuleViolationException(at + ".parent", disk.parent() + " is a disk of this VM; a differencing "
                            + "parent is not written to.");
                }
                userOf(disk.parent()).filter(Use::writes).ifPresent(use -> {
                    throw new RuleViolationException(at + ".parent", disk.parent() + " is the disk of " + who(use, visible)
                            + ", which writes to it; a differencing parent must not change under its children.");
                });
            }
        }
    }

    private static String who(Use use, java.util.function.Predicate<UUID> visible) {
        return visible.test(use.vmId()) ? "VM " + use.vmName() : "another VM";
    }

    /**
     * Records what the VM's disks name, in the caller's transaction; a path recorded already as
     * another VM's source is refused by the database (for a VM adopted as found, skip those).
     */
    void record(UUID vmId, List<VmSpec.Disk> disks, boolean skipTaken) {
        for (VmSpec.Disk disk : disks) {
            if (disk.source() != null) {
                insert(vmId, disk.source(), true, skipTaken);
            }
            if (disk.parent() != null) {
                insert(vmId, disk.parent(), false, skipTaken);
            }
        }
    }

    private void insert(UUID vmId, String rawPath, boolean exclusive, boolean skipTaken) {
        String path = normalized(rawPath);
        if (skipTaken && userOf(path).filter(u -> u.writes() || exclusive).isPresent()) {
            return;
        }
        Integer already = jdbc.queryForObject("SELECT COUNT(*) FROM vm_disk_image WHERE vm_id = ? AND path = ?",
                Integer.class, vmId, path);
        if (already == 0) {
            jdbc.update("INSERT INTO vm_disk_image (vm_id, path, exclusive_path) VALUES (?, ?, ?)", vmId, path,
                    exclusive ? path : null);
        }
    }

    static String normalized(String path) {
        return Path.of(path.strip()).normalize().toString();
    }
}
