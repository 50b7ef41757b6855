package dev.corral.engine.libvirt;

import dev.corral.engine.Capability;
import dev.corral.engine.EngineException;
import dev.corral.engine.SnapshotInfo;
import dev.corral.engine.VmInfo;
import dev.corral.engine.VmSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.libvirt.Domain;
import org.libvirt.DomainSnapshot;
import org.libvirt.LibvirtException;

/** A VM's snapshot tree as libvirt domain snapshots; a snapshot's id is its name. */
final class Snapshots {

    private static final int DELETE_CHILDREN = 1;

    private final LibvirtHost host;

    Snapshots(LibvirtHost host) {
        this.host = host;
    }

    List<SnapshotInfo> list(UUID vmId) {
        return host.call("Could not list the snapshots of VM " + vmId + " on host " + host.label, connect -> {
            Domain domain = host.domain(connect, vmId);
            if (!host.capabilities.supports(Capability.SNAPSHOTS)) {
                return List.of();
            }
            return list(domain);
        });
    }

    private List<SnapshotInfo> list(Domain domain) throws LibvirtException {
        String current = domain.hasCurrentSnapshot() == 1 ? snapshotName(domain.snapshotCurrent()) : null;
        List<SnapshotXml.Parsed> parsed = new ArrayList<>();
        for (String name : domain.snapshotListNames(0)) {
            parsed.add(SnapshotXml.parse(domain.snapshotLookupByName(name).getXMLDesc()));
        }
        Map<String, String> parents = new HashMap<>();
        parsed.forEach(p -> parents.put(p.name(), p.parent()));
        // Snapshots taken within one second share a creation time; depth in the tree keeps parents first.
        Comparator<SnapshotXml.Parsed> order = Comparator
                .comparing((SnapshotXml.Parsed p) -> p.createdAt() == null ? Instant.EPOCH : p.createdAt())
                .thenComparingInt(p -> depth(p.name(), parents)).thenComparing(SnapshotXml.Parsed::name);
        return parsed.stream().sorted(order).map(p -> new SnapshotInfo(p.name(), p.name(), p.parent(), p.createdAt(),
                p.vmState(), p.name().equals(current))).toList();
    }

    private static int depth(String name, Map<String, String> parents) {
        int depth = 0;
        for (String at = parents.get(name); at != null && depth < parents.size(); at = parents.get(at)) {
            depth++;
        }
        return depth;
    }

    private static String snapshotName(DomainSnapshot snapshot) throws LibvirtException {
        return SnapshotXml.parse(snapshot.getXMLDesc()).name();
    }

    SnapshotInfo create(UUID vmId, String name) {
        host.capabilities.require(Capability.SNAPSHOTS);
        VmSpec.checkName(name, "snapshot");
        return host.call("Could not take snapshot " + name + " of VM " + vmId + " on host " + host.label, connect -> {
            Domain domain = host.domain(connect, vmId);
            String vm = domain.getName();
            if (host.parsed(domain).spec().hasPassThroughDisk()) {
                throw new EngineException.Unsupported("VM " + vm + " has a pass-through disk, which rules out snapshots.");
            }
            if (List.of(domain.snapshotListNames(0)).contains(name)) {
                throw new EngineException.InvalidSpec("VM " + vm + " already has a snapshot named " + name + ".");
            }
            try {
                domain.snapshotCreateXML(SnapshotXml.build(name));
            } catch (LibvirtException e) {
                throw host.fail(connect, e, "Could not take snapshot " + name + " of VM " + vm + " on host " + host.label);
            }
            return list(domain).stream().filter(s -> s.id().equals(name)).findFirst().orElseThrow();
        });
    }

    VmInfo apply(UUID vmId, String snapshotId) {
        host.capabilities.require(Capability.SNAPSHOTS);
        return host.call("Could not apply snapshot " + snapshotId + " of VM " + vmId + " on host " + host.label,
                connect -> {
                    Domain domain = host.domain(connect, vmId);
                    DomainSnapshot snapshot = snapshot(domain, snapshotId);
                    try {
                        domain.revertToSnapshot(snapshot);
                    } catch (LibvirtException e) {
                        throw host.fail(connect, e, "Could not apply snapshot " + snapshotId + " of VM "
                                + domain.getName() + " on host " + host.label);
                    }
                    return host.info(domain);
                });
    }

    void delete(UUID vmId, String snapshotId, boolean subtree) {
        host.capabilities.require(Capability.SNAPSHOTS);
        host.call("Could not delete snapshot " + snapshotId + " of VM " + vmId + " on host " + host.label, connect -> {
            Domain domain = host.domain(connect, vmId);
            DomainSnapshot snapshot = snapshot(domain, snapshotId);
            try {
                snapshot.delete(subtree ? DELETE_CHILDREN : 0);
            } catch (LibvirtException e) {
                throw host.fail(connect, e, "Could not delete snapshot " + snapshotId + " of VM " + domain.getName()
                        + " on host " + host.label);
            }
            return null;
        });
    }

    private DomainSnapshot snapshot(Domain domain, String snapshotId) throws LibvirtException {
        if (snapshotId == null || snapshotId.isBlank()) {
            throw new EngineException.NotFound("Say which snapshot of VM " + domain.getName() + " to use.");
        }
        try {
            return domain.snapshotLookupByName(snapshotId);
        } catch (LibvirtException e) {
            if (LibvirtErrors.isNotFound(e)) {
                throw new EngineException.NotFound("VM " + domain.getName() + " on host " + host.label
                        + " has no snapshot " + snapshotId + ".");
            }
            throw e;
        }
    }
}
