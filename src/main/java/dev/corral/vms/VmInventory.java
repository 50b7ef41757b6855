package dev.corral.vms;

import dev.corral.access.AccessPolicy;
import dev.corral.access.Permission;
import dev.corral.engine.VmState;
import dev.corral.hosts.HostTree;
import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Root;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The inventory read whole, as sprawl tracking and exports need it: every registered VM with its
 * host, owner, provenance, lease and runtime state (since when, and the heartbeat), in one query,
 * so that a scan of tens of thousands of VMs costs one round trip to the database.
 */
@Service
@Transactional(readOnly = true)
public class VmInventory {

    private static final String SELECT = "select v.id, v.hostId, v.name, v.owner, v.purpose, v.createdBy, v.createdAt, "
            + "v.leaseExpires, v.leaseAction, v.vcpus, v.memoryMiB, v.storageGiB, v.guestFamily, v.version, "
            + "r.state, r.stateSince, r.heartbeat, r.heartbeatLostSince "
            + "from Vm v left join VmRuntime r on r.vmId = v.id";

    private final EntityManager entities;
    private final AccessPolicy policy;
    private final HostTree tree;

    VmInventory(EntityManager entities, AccessPolicy policy, HostTree tree) {
        this.entities = entities;
        this.policy = policy;
        this.tree = tree;
    }

    /**
     * One registered VM as the inventory knows it.
     *
     * @param lease              null when the VM has none
     * @param state              as its host last reported it; UNKNOWN when never recorded
     * @param stateSince         when the VM entered its last known state; null when never recorded
     * @param heartbeat          the heartbeat service's last reported status (OK, NO_CONTACT…), or null
     * @param heartbeatLostSince when a running VM's guest stopped answering the heartbeat, or null
     * @param version            the configuration's version, for a change made from here
     */
    public record Entry(UUID id, UUID hostId, String name, String owner, String purpose, String createdBy,
            Instant createdAt, VmLease lease, int vcpus, long memoryMiB, long storageGiB, String guestFamily, long version,
            VmState state, Instant stateSince, String heartbeat, Instant heartbeatLostSince) {
    }

    /** Every registered VM, whoever may see it: for Corral's own scans, never shown to a caller as such. */
    public List<Entry> all() {
        return entities.createQuery(SELECT, Object[].class).getResultStream().map(VmInventory::entry).toList();
    }

    /** One registered VM, whoever may see it: for Corral's own scans. */
    public Optional<Entry> find(UUID id) {
        return entities.createQuery(SELECT + " where v.id = :id", Object[].class).setParameter("id", id)
                .getResultStream().map(VmInventory::entry).findFirst();
    }

    /** The VMs the caller owns, whatever else they may see. */
    public List<Entry> ownedByCaller() {
        String user = dev.corral.access.CurrentCaller.get().user();
        return entities.createQuery(SELECT + " where lower(v.owner) = :owner", Object[].class)
                .setParameter("owner", user.toLowerCase(java.util.Locale.ROOT)).getResultStream().map(VmInventory::entry)
                .toList();
    }

    /** The VMs the caller may see (inventory.view), by the same rules as the VM list. */
    public List<Entry> visible() {
        Set<UUID> ids = visibleIds();
        return all().stream().filter(e -> ids.contains(e.id())).toList();
    }

    /** The ids of the VMs the caller may see, filtered in the database. */
    public Set<UUID> visibleIds() {
        CriteriaBuilder cb = entities.getCriteriaBuilder();
        CriteriaQuery<UUID> query = cb.createQuery(UUID.class);
        Root<Vm> vm = query.from(Vm.class);
        var visible = VmVisibility.of(policy.visibility(Permission.INVENTORY_VIEW), tree.hosts(), VmFilter.NONE, Set.of());
        query.select(vm.get("id")).where(visible.toPredicate(vm, query, cb));
        return new HashSet<>(entities.createQuery(query).getResultList());
    }

    /** The tags of these VMs (all VMs when null), in one query. */
    public Map<UUID, Map<String, String>> tags(Collection<UUID> ids) {
        Set<UUID> wanted = ids == null ? null : new HashSet<>(ids);
        Map<UUID, Map<String, String>> tags = new HashMap<>();
        entities.createQuery("select v.id, key(t), value(t) from Vm v join v.tags t", Object[].class).getResultStream()
                .filter(row -> wanted == null || wanted.contains((UUID) row[0]))
                .forEach(row -> tags.computeIfAbsent((UUID) row[0], k -> new TreeMap<>()).put((String) row[1], (String) row[2]));
        return tags;
    }

    private static Entry entry(Object[] row) {
        LocalDate leaseExpires = (LocalDate) row[7];
        VmLease lease = leaseExpires == null ? null : new VmLease(leaseExpires, (VmLease.Action) row[8]);
        VmState state = row[14] == null ? VmState.UNKNOWN : (VmState) row[14];
        return new Entry((UUID) row[0], (UUID) row[1], (String) row[2], (String) row[3], (String) row[4], (String) row[5],
                (Instant) row[6], lease, ((Number) row[9]).intValue(), ((Number) row[10]).longValue(),
                ((Number) row[11]).longValue(), (String) row[12], ((Number) row[13]).longValue(), state, (Instant) row[15],
                (String) row[16], (Instant) row[17]);
    }
}
