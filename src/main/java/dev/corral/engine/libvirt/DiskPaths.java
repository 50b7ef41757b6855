package dev.corral.engine.libvirt;

import dev.corral.engine.EngineException;
import dev.corral.engine.VmSpec.Disk;
import java.nio.file.Path;
import java.util.List;

/**
 * Where a VM's disks may be. libvirt hands every disk path to QEMU and, with dynamic ownership,
 * chowns it to QEMU's user: a spec naming /etc/shadow or /dev/sda would give the guest the host.
 * So image files must lie under the configured image directories and pass-through devices under
 * the configured device directories (stable names such as /dev/disk/by-id/).
 */
final class DiskPaths {

    private final List<Path> imageRoots;
    private final List<Path> deviceRoots;

    DiskPaths(List<String> imageDirs, List<String> deviceDirs) {
        this.imageRoots = roots(imageDirs, "corral.engine.libvirt.image-dirs");
        this.deviceRoots = roots(deviceDirs, "corral.engine.libvirt.pass-through-dirs");
    }

    private static List<Path> roots(List<String> dirs, String property) {
        return dirs.stream().map(dir -> {
            Path root = Path.of(dir).normalize();
            if (!root.isAbsolute() || root.getNameCount() == 0) {
                throw new IllegalArgumentException(property + " holds absolute directories other than /, not " + dir);
            }
            return root;
        }).toList();
    }

    /**
     * The image file of a file disk: the spec's source, else the path chosen when it was first
     * defined, else a new one in the first image directory.
     *
     * @param kept the path stored when the disk was defined, or null for a new disk
     */
    String imageFile(String vmName, Disk disk, String kept) {
        String path;
        if (disk.source() != null && !disk.source().isBlank()) {
            path = disk.source();
        } else if (kept != null) {
            path = kept;
        } else {
            path = imageRoots.getFirst().resolve(vmName + "-" + disk.name()
                    + (disk.format() == dev.corral.engine.VmSpec.ImageFormat.RAW ? ".img" : ".qcow2")).toString();
        }
        return require(path, imageRoots, vmName, disk, "image");
    }

    String parentImage(String vmName, Disk disk) {
        return require(disk.parent(), imageRoots, vmName, disk, "image");
    }

    String device(String vmName, Disk disk) {
        return require(disk.source(), deviceRoots, vmName, disk, "device");
    }

    private static String require(String path, List<Path> roots, String vmName, Disk disk, String what) {
        Path normalized = Path.of(path).normalize();
        boolean allowed = normalized.isAbsolute() && path.chars().noneMatch(Character::isISOControl)
                && roots.stream().anyMatch(root -> normalized.startsWith(root) && !normalized.equals(root));
        if (!allowed) {
            throw new EngineException.InvalidSpec("Disk " + disk.name() + " of VM " + vmName + ": " + path
                    + " is not in a" + ("image".equals(what) ? "n image" : " device") + " directory Corral may use ("
                    + String.join(", ", roots.stream().map(Path::toString).toList()) + ").");
        }
        return normalized.toString();
    }
}
