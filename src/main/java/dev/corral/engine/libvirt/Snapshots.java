package dev.corral.engine.libvirt;

import dev.corral.engine.Capability;
import dev.corral.engine.EngineException;
import dev.corral.engine.SnapshotInfo;
import dev.corral.engine.VmInfo;
import dev.corral.engine.VmSpec;
import dev.corral.engine.VmState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.DomainSnapshot;
import org.libvirt.LibvirtException;

/** A VM's snapshot tree as libvirt domain snapshots; a snapshot's id is its name. */
final class Snapshots {

    private static final int DELETE_CHILDREN = 1;
    /** virDomainSnapshotCreateFlags: replace an existing snapshot's metadata, and keep it current. */
    private static final int REDEFINE = 1;
    private static final int CURRENT = 2;

    @FunctionalInterface
    private interface SnapshotWork<T> {
        T run(Connect connect, Domain domain, String vm) throws LibvirtException;
    }

    private final LibvirtHost host;

    Snapshots(LibvirtHost host) {
        this.host = host;
    }

    List<SnapshotInfo> list(UUID vmId) {
        return host.call("Could not list the snapshots of VM " + vmId + " on host " + host.label,
                connect -> host.withDomain(connect, vmId, domain ->
                        host.capabilities.supports(Capability.SNAPSHOTS) ? list(domain) : List.of()));
    }

    private List<SnapshotInfo> list(Domain domain) throws LibvirtException {
        String current = null;
        if (domain.hasCurrentSnapshot() == 1) {
            DomainSnapshot snapshot = domain.snapshotCurrent();
            try {
                current = SnapshotXml.parse(snapshot.getXMLDesc()).name();
            } finally {
                Natives.free(snapshot);
            }
        }
        List<SnapshotXml.Parsed> parsed = new ArrayList<>();
        for (String name : domain.snapshotListNames(0)) {
            DomainSnapshot snapshot = domain.snapshotLookupByName(name);
            try {
                parsed.add(SnapshotXml.parse(snapshot.getXMLDesc()));
            } finally {
                Natives.free(snapshot);
            }
        }
        Map<String, String> parents = new HashMap<>();
        parsed.forEach(p -> parents.put(p.name(), p.parent()));
        // Snapshots taken within one second share a creation time; depth in the tree keeps parents first.
        Comparator<SnapshotXml.Parsed> order = Comparator
                .comparing((SnapshotXml.Parsed p) -> p.createdAt() == null ? Instant.EPOCH : p.createdAt())
                .thenComparingInt(p -> depth(p.name(), parents)).thenComparing(SnapshotXml.Parsed::name);
        String currentName = current;
        return parsed.stream().sorted(order).map(p -> new SnapshotInfo(p.name(), p.displayName(), p.parent(), p.createdAt(),
                p.vmState(), p.name().equals(currentName), p.vcpus(), p.memoryMiB())).toList();
    }

    private static int depth(String name, Map<String, String> parents) {
        int depth = 0;
        for (String at = parents.get(name); at != null && depth < parents.size(); at = parents.get(at)) {
            depth++;
        }
        return depth;
    }

    SnapshotInfo create(UUID vmId, String name) {
        VmSpec.checkName(name, "snapshot");
        String doing = "Could not take snapshot " + name + " of VM " + vmId + " on host " + host.label;
        return change(vmId, doing, (connect, domain, vm) -> {
            if (host.parsed(domain).spec().hasPassThroughDisk()) {
                throw new EngineException.Unsupported("VM " + vm + " has a pass-through disk, which rules out snapshots.");
            }
            requireFreeName(domain, vm, name, null);
            try {
                Natives.free(domain.snapshotCreateXML(SnapshotXml.build(name)));
            } catch (LibvirtException e) {
                throw host.fail(connect, e, "Could not take snapshot " + name + " of VM " + vm + " on host " + host.label);
            }
            return list(domain).stream().filter(s -> s.id().equals(name)).findFirst().orElseThrow();
        });
    }

    SnapshotInfo rename(UUID vmId, String snapshotId, String newName) {
        VmSpec.checkName(newName, "snapshot");
        String doing = "Could not rename snapshot " + snapshotId + " of VM " + vmId + " on host " + host.label;
        return change(vmId, doing, (connect, domain, vm) -> {
            requireFreeName(domain, vm, newName, snapshotId);
            DomainSnapshot snapshot = snapshot(domain, vm, snapshotId);
            try {
                boolean current = isCurrent(domain, snapshotId);
                // libvirt names are ids; the name users see is the description, redefined in place.
                Natives.free(domain.snapshotCreateXML(SnapshotXml.renamed(snapshot.getXMLDesc(), newName),
                        REDEFINE | (current ? CURRENT : 0)));
            } catch (LibvirtException e) {
                throw host.fail(connect, e, "Could not rename snapshot " + snapshotId + " of VM " + vm + " on host "
                        + host.label);
            } finally {
                Natives.free(snapshot);
            }
            return list(domain).stream().filter(s -> s.id().equals(snapshotId)).findFirst().orElseThrow();
        });
    }

    private static boolean isCurrent(Domain domain, String snapshotId) throws LibvirtException {
        if (domain.hasCurrentSnapshot() != 1) {
            return false;
        }
        DomainSnapshot current = domain.snapshotCurrent();
        try {
            return SnapshotXml.parse(current.getXMLDesc()).name().equals(snapshotId);
        } finally {
            Natives.free(current);
        }
    }

    /** Names are unique per VM, compared without case, among both libvirt's names and the names shown. */
    private void requireFreeName(Domain domain, String vm, String name, String except) throws LibvirtException {
        for (String existing : domain.snapshotListNames(0)) {
            if (existing.equals(except)) {
                continue;
            }
            String shown = existing;
            DomainSnapshot other = domain.snapshotLookupByName(existing);
            try {
                shown = SnapshotXml.parse(other.getXMLDesc()).displayName();
            } finally {
                Natives.free(other);
            }
            if (existing.equalsIgnoreCase(name) || shown.equalsIgnoreCase(name)) {
                throw new EngineException.InvalidSpec("VM " + vm + " already has a snapshot named " + shown + ".");
            }
        }
    }

    VmInfo apply(UUID vmId, String snapshotId) {
        String doing = "Could not apply snapshot " + snapshotId + " of VM " + vmId + " on host " + host.label;
        return change(vmId, doing, (connect, domain, vm) -> {
            DomainSnapshot snapshot = snapshot(domain, vm, snapshotId);
            try {
                VmState after = SnapshotXml.parse(snapshot.getXMLDesc()).vmState();
                if (after.usesMemory() && !DomainStates.of(domain).usesMemory()) {
                    host.admit(connect, vm, host.parsed(domain).spec().memoryMiB(),
                            c -> domain.revertToSnapshot(snapshot));
                } else {
                    domain.revertToSnapshot(snapshot);
                }
            } catch (LibvirtException e) {
                throw host.fail(connect, e, "Could not apply snapshot " + snapshotId + " of VM " + vm + " on host "
                        + host.label);
            } finally {
                Natives.free(snapshot);
            }
            return host.info(domain);
        });
    }

    void delete(UUID vmId, String snapshotId, boolean subtree) {
        String doing = "Could not delete snapshot " + snapshotId + " of VM " + vmId + " on host " + host.label;
        change(vmId, doing, (connect, domain, vm) -> {
            DomainSnapshot snapshot = snapshot(domain, vm, snapshotId);
            try {
                snapshot.delete(subtree ? DELETE_CHILDREN : 0);
            } catch (LibvirtException e) {
                throw host.fail(connect, e, "Could not delete snapshot " + snapshotId + " of VM " + vm + " on host "
                        + host.label);
            } finally {
                Natives.free(snapshot);
            }
            return null;
        });
    }

    /** A change to the snapshot tree: one per VM at a time, and not while the VM is between states. */
    private <T> T change(UUID vmId, String doing, SnapshotWork<T> work) {
        host.capabilities.require(Capability.SNAPSHOTS);
        return host.exclusively(vmId, () -> host.call(doing, connect -> host.withDomain(connect, vmId, domain -> {
            String vm = domain.getName();
            VmState state = DomainStates.of(domain);
            if (state.isTransitional() || state == VmState.UNKNOWN) {
                throw new EngineException.InvalidState("VM " + vm + " is " + DomainStates.describe(state)
                        + "; wait for it to finish.");
            }
            return work.run(connect, domain, vm);
        })));
    }

    private DomainSnapshot snapshot(Domain domain, String vm, String snapshotId) throws LibvirtException {
        if (snapshotId == null || snapshotId.isBlank()) {
            throw new EngineException.NotFound("Say which snapshot of VM " + vm + " to use.");
        }
        return Natives.orNotFound(() -> domain.snapshotLookupByName(snapshotId),
                () -> "VM " + vm + " on host " + host.label + " has no snapshot " + snapshotId + ".");
    }
}
