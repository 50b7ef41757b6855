package dev.corral.engine;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A VM's configuration: what is defined on the host, as opposed to its runtime state. The
 * invariants every host shares are checked here; host-specific limits (processors, memory,
 * capabilities) by the engine.
 */
public record VmSpec(
        String name,
        int vcpus,
        long memoryMiB,
        Architecture architecture,
        GuestOs guestOs,
        List<Disk> disks,
        List<NetworkAdapter> networkAdapters,
        Set<IntegrationService> integrationServices) {

    public static final int MAX_NAME_LENGTH = 100;
    // Printable, no path separators or control characters: names become libvirt names and file names.
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ._()\\-]*");

    public VmSpec {
        checkName(name, "VM");
        if (vcpus < 1) {
            throw new EngineException.InvalidSpec("A VM needs at least 1 virtual processor.");
        }
        if (memoryMiB < 32) {
            throw new EngineException.InvalidSpec("A VM needs at least 32 MiB of memory.");
        }
        if (architecture == null || guestOs == null) {
            throw new EngineException.InvalidSpec("Give the VM's architecture and guest operating system.");
        }
        if (architecture == Architecture.X86 && memoryMiB > 4096) {
            throw new EngineException.InvalidSpec("A 32-bit (x86) VM can address at most 4096 MiB of memory.");
        }
        disks = List.copyOf(disks == null ? List.of() : disks);
        networkAdapters = List.copyOf(networkAdapters == null ? List.of() : networkAdapters);
        integrationServices = integrationServices == null || integrationServices.isEmpty()
                ? Set.of() : Set.copyOf(EnumSet.copyOf(integrationServices));
        Set<String> diskNames = new HashSet<>();
        for (Disk disk : disks) {
            if (!diskNames.add(disk.name().toLowerCase(Locale.ROOT))) {
                throw new EngineException.InvalidSpec("Two disks are named " + disk.name() + ".");
            }
        }
    }

    public static void checkName(String name, String what) {
        if (name == null || name.isBlank()) {
            throw new EngineException.InvalidSpec("Give the " + what + " a name.");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw new EngineException.InvalidSpec("A " + what + " name has at most " + MAX_NAME_LENGTH + " characters.");
        }
        if (!NAME.matcher(name).matches()) {
            throw new EngineException.InvalidSpec("A " + what + " name starts with a letter or digit and holds only "
                    + "letters, digits, spaces and . _ ( ) -; \"" + name + "\" does not.");
        }
    }

    public boolean hasPassThroughDisk() {
        return disks.stream().anyMatch(d -> d.kind() == DiskKind.PASS_THROUGH);
    }

    public VmSpec withName(String newName) {
        return new VmSpec(newName, vcpus, memoryMiB, architecture, guestOs, disks, networkAdapters, integrationServices);
    }

    public enum Architecture { X86, X64 }

    /** The guest operating system; its family decides Windows licensing. */
    public record GuestOs(Family family, String name) {
        public enum Family { WINDOWS, LINUX, OTHER }

        public GuestOs {
            if (family == null) {
                throw new EngineException.InvalidSpec("Give the guest operating system's family.");
            }
            name = name == null || name.isBlank() ? family.name().toLowerCase(Locale.ROOT) : name.strip();
        }
    }

    public enum DiskKind { FIXED, DYNAMIC, DIFFERENCING, PASS_THROUGH }

    public enum Bus { IDE, SCSI }

    /**
     * How an image file is laid out, which the host is told rather than left to guess: a raw
     * image a guest wrote could otherwise be read as a qcow2 header naming any backing file.
     */
    public enum ImageFormat {
        RAW, QCOW2;

        /** The format a disk of this kind has unless its spec says otherwise. */
        public static ImageFormat of(DiskKind kind) {
            return kind == DiskKind.FIXED || kind == DiskKind.PASS_THROUGH ? RAW : QCOW2;
        }
    }

    /**
     * A virtual hard disk (fixed, dynamically expanding, or differencing with a parent image) or a
     * physical volume passed through.
     *
     * @param source       the image file, or for a pass-through disk the host's block device
     * @param parent       for a differencing disk, the parent image
     * @param format       the format of the disk's own image; by default raw for fixed and
     *                     pass-through disks, qcow2 for dynamic and differencing ones
     * @param parentFormat the parent image's format (qcow2 unless stated); null without a parent
     */
    public record Disk(String name, DiskKind kind, Bus bus, long sizeGiB, String source, String parent, ImageFormat format,
            ImageFormat parentFormat) {

        /** A disk in the formats its kind implies. */
        public Disk(String name, DiskKind kind, Bus bus, long sizeGiB, String source, String parent) {
            this(name, kind, bus, sizeGiB, source, parent, null, null);
        }

        public Disk {
            if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
                throw new EngineException.InvalidSpec("A disk name holds 1 to 64 letters, digits, dots, dashes "
                        + "or underscores.");
            }
            if (kind == null || bus == null) {
                throw new EngineException.InvalidSpec("Give disk " + name + " its kind and controller.");
            }
            if (kind != DiskKind.PASS_THROUGH && (sizeGiB < 1 || sizeGiB > 2040)) {
                throw new EngineException.InvalidSpec("Disk " + name + " must be 1 to 2040 GiB.");
            }
            if (kind == DiskKind.DIFFERENCING && (parent == null || parent.isBlank())) {
                throw new EngineException.InvalidSpec("Differencing disk " + name + " needs a parent disk.");
            }
            if (kind != DiskKind.DIFFERENCING && parent != null && !parent.isBlank()) {
                throw new EngineException.InvalidSpec("Only a differencing disk has a parent; " + name + " is " + kind + ".");
            }
            if (kind == DiskKind.PASS_THROUGH && (source == null || source.isBlank())) {
                throw new EngineException.InvalidSpec("Pass-through disk " + name + " needs the host volume to pass through.");
            }
            checkPath(source, name);
            checkPath(parent, name);
            format = format == null ? ImageFormat.of(kind) : format;
            if (kind == DiskKind.DIFFERENCING && format != ImageFormat.QCOW2) {
                throw new EngineException.InvalidSpec("Differencing disk " + name + " has the format QCOW2: a raw image "
                        + "has no parent.");
            }
            if (kind == DiskKind.PASS_THROUGH && format != ImageFormat.RAW) {
                throw new EngineException.InvalidSpec("Pass-through disk " + name + " has the format RAW: the guest sees "
                        + "the host volume as it is.");
            }
            boolean hasParent = parent != null && !parent.isBlank();
            if (!hasParent && parentFormat != null) {
                throw new EngineException.InvalidSpec("Disk " + name + " has no parent, so no parent format.");
            }
            parentFormat = hasParent && parentFormat == null ? ImageFormat.QCOW2 : parentFormat;
        }

        private static void checkPath(String path, String disk) {
            if (path != null && !path.isBlank() && (!path.startsWith("/") || path.contains("..")
                    || path.chars().anyMatch(Character::isISOControl))) {
                throw new EngineException.InvalidSpec("Disk " + disk + ": \"" + path + "\" is not an absolute path.");
            }
        }
    }

    public enum AdapterType { SYNTHETIC, LEGACY }

    /** A network adapter on a virtual switch, with its VLAN setting and optional fixed MAC. */
    public record NetworkAdapter(AdapterType type, String switchName, VlanSetting vlan, String mac) {
        private static final Pattern MAC = Pattern.compile("([0-9a-f]{2}:){5}[0-9a-f]{2}");

        public NetworkAdapter {
            if (type == null) {
                throw new EngineException.InvalidSpec("Say whether the network adapter is synthetic or legacy.");
            }
            checkName(switchName, "virtual switch");
            vlan = vlan == null ? new VlanSetting.Untagged() : vlan;
            if (mac != null && !mac.isBlank()) {
                mac = mac.strip().toLowerCase(Locale.ROOT).replace('-', ':');
                if (!MAC.matcher(mac).matches() || (Integer.parseInt(mac.substring(0, 2), 16) & 1) == 1) {
                    throw new EngineException.InvalidSpec("\"" + mac + "\" is not a unicast MAC address.");
                }
            } else {
                mac = null;
            }
        }
    }
}
