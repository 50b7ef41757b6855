package dev.corral.vms;

import dev.corral.access.AccessPolicy;
import dev.corral.access.Permission;
import dev.corral.engine.VmSpec;
import dev.corral.hosts.HostTree;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The VMs' network adapters as the inventory records them: what the VLAN map, the switches and
 * the MAC rules ask about. The inventory is written when Corral creates or changes a VM and when
 * a resync finds a host reporting something else.
 */
@Service
@Transactional(readOnly = true)
public class VmAdapters {

    private final VmAdapterRepository adapters;
    private final VmRepository vms;
    private final EntityManager entities;
    private final AccessPolicy policy;
    private final HostTree tree;

    VmAdapters(VmAdapterRepository adapters, VmRepository vms, EntityManager entities, AccessPolicy policy, HostTree tree) {
        this.adapters = adapters;
        this.vms = vms;
        this.entities = entities;
        this.policy = policy;
        this.tree = tree;
    }

    /**
     * The adapters of the VMs the caller may see, narrowed to a host, a switch (by name, on that
     * host or on any) and a VLAN where given; ordered by host, VM name and position.
     */
    public List<AdapterUse> visible(UUID hostId, String switchName, Integer vlan) {
        CriteriaBuilder cb = entities.getCriteriaBuilder();
        CriteriaQuery<Tuple> query = cb.createTupleQuery();
        Root<Vm> vm = query.from(Vm.class);
        Root<VmAdapter> adapter = query.from(VmAdapter.class);
        List<Predicate> where = new ArrayList<>();
        where.add(cb.equal(adapter.get("key").get("vmId"), vm.get("id")));
        where.add(VmVisibility.of(policy.visibility(Permission.INVENTORY_VIEW), tree.hosts(), VmFilter.NONE, Set.of())
                .toPredicate(vm, query, cb));
        if (hostId != null) {
            where.add(cb.equal(adapter.get("hostId"), hostId));
        }
        if (switchName != null && !switchName.isBlank()) {
            where.add(cb.equal(cb.lower(adapter.get("switchName")), switchName.strip().toLowerCase(Locale.ROOT)));
        }
        if (vlan != null) {
            where.add(cb.isMember(vlan, adapter.<Set<Integer>>get("vlans")));
        }
        query.multiselect(adapter, vm.get("name")).where(where.toArray(Predicate[]::new))
                .orderBy(cb.asc(adapter.get("hostId")), cb.asc(cb.lower(vm.get("name"))), cb.asc(adapter.get("key").get("index")));
        return entities.createQuery(query).getResultStream()
                .map(row -> use(row.get(0, VmAdapter.class), row.get(1, String.class))).toList();
    }

    /** Every adapter connected to the switch, whoever may see its VM: for rules such as "not while connected". */
    public List<AdapterUse> onSwitch(UUID hostId, String switchName) {
        List<VmAdapter> found = adapters.onSwitch(hostId, switchName);
        Map<UUID, String> names = names(found);
        return found.stream().map(a -> use(a, names.get(a.vmId()))).toList();
    }

    /** The adapter that has this MAC address anywhere in the fleet, if one does. */
    public Optional<AdapterUse> withMac(String mac) {
        if (mac == null || mac.isBlank()) {
            return Optional.empty();
        }
        List<VmAdapter> found = adapters.withMac(mac.strip().replace('-', ':'));
        Map<UUID, String> names = names(found);
        return found.stream().findFirst().map(a -> use(a, names.get(a.vmId())));
    }

    /** A VM's adapters as recorded, in order. */
    public List<AdapterUse> ofVm(UUID vmId) {
        List<VmAdapter> found = adapters.ofVm(vmId);
        Map<UUID, String> names = names(found);
        return found.stream().map(a -> use(a, names.get(a.vmId()))).toList();
    }

    /**
     * Static MAC addresses are unique across the fleet: one already recorded on another VM's
     * adapter is refused at its field (the VM is named only to those who may see it).
     *
     * @param vmId the VM being changed, whose own adapters do not count; null for a new VM
     */
    public void requireUnusedMacs(List<VmSpec.NetworkAdapter> wanted, UUID vmId, boolean shorthand) {
        Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < wanted.size(); i++) {
            String mac = wanted.get(i).mac();
            if (mac == null) {
                continue;
            }
            String field = shorthand ? "switchName" : "networkAdapters[" + i + "].mac";
            if (!seen.add(mac)) {
                throw new dev.corral.base.InvalidInputException(field, "MAC address " + mac + " is given to two adapters.");
            }
            withMac(mac).filter(use -> !use.vmId().equals(vmId)).ifPresent(use -> {
                boolean mayName = policy.allows(Permission.INVENTORY_VIEW, dev.corral.access.Scope.vm(use.vmId()));
                throw new dev.corral.base.InvalidInputException(field, "MAC address " + mac + " is already used by "
                        + (mayName ? "VM " + use.vmName() : "another VM") + "; a static MAC must be unique in the fleet.");
            });
        }
    }

    /** Replaces what the inventory records of a VM's adapters; a MAC in {@code staticMacs} was chosen by a user. */
    @Transactional
    void record(UUID vmId, UUID hostId, List<VmSpec.NetworkAdapter> current, Set<String> staticMacs) {
        // Removed as entities (not by a bulk delete), so that none stays behind, stale, in the persistence context.
        adapters.deleteAll(adapters.ofVm(vmId));
        adapters.flush();
        for (int i = 0; i < current.size(); i++) {
            VmSpec.NetworkAdapter adapter = current.get(i);
            entities.persist(new VmAdapter(vmId, i, hostId, adapter, adapter.mac() != null && staticMacs.contains(adapter.mac())));
        }
    }

    /**
     * After a host reported the VM: rewrites the record only if it differs, keeping which MACs
     * were chosen by users.
     */
    @Transactional
    void sync(UUID vmId, UUID hostId, List<VmSpec.NetworkAdapter> reported) {
        List<VmAdapter> recorded = adapters.ofVm(vmId);
        List<VmSpec.NetworkAdapter> known = recorded.stream().map(VmAdapter::adapter).toList();
        boolean sameHost = recorded.stream().allMatch(a -> a.hostId().equals(hostId));
        if (known.equals(reported) && sameHost) {
            return;
        }
        Set<String> statics = recorded.stream().filter(VmAdapter::staticMac).map(VmAdapter::mac).collect(Collectors.toSet());
        record(vmId, hostId, reported, statics);
    }

    /** {@link #sync} for the VMs of one host at once: one query to read what is recorded. */
    @Transactional
    void syncHost(UUID hostId, Map<UUID, List<VmSpec.NetworkAdapter>> reported) {
        if (reported.isEmpty()) {
            return;
        }
        Map<UUID, List<VmAdapter>> recorded = adapters.ofVms(reported.keySet()).stream()
                .collect(Collectors.groupingBy(VmAdapter::vmId));
        reported.forEach((vmId, now) -> {
            List<VmAdapter> known = recorded.getOrDefault(vmId, List.of()).stream()
                    .sorted(java.util.Comparator.comparingInt(VmAdapter::index)).toList();
            boolean same = known.stream().map(VmAdapter::adapter).toList().equals(now)
                    && known.stream().allMatch(a -> a.hostId().equals(hostId));
            if (!same) {
                record(vmId, hostId, now, known.stream().filter(VmAdapter::staticMac).map(VmAdapter::mac)
                        .collect(Collectors.toSet()));
            }
        });
    }

    private Map<UUID, String> names(List<VmAdapter> found) {
        Set<UUID> ids = found.stream().map(VmAdapter::vmId).collect(Collectors.toSet());
        return vms.findAllById(ids).stream().collect(Collectors.toMap(Vm::id, Vm::name));
    }

    private static AdapterUse use(VmAdapter adapter, String vmName) {
        return new AdapterUse(adapter.vmId(), vmName, adapter.hostId(), adapter.index(), adapter.adapter(), adapter.staticMac());
    }
}
