package dev.corral.vms;

import dev.corral.hosts.HostAllocation;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the registered VMs take from their host, counted in the database, for the hosts feature. */
@Service
@Transactional(readOnly = true)
class HostAllocations implements HostAllocation {

    private final EntityManager entities;

    HostAllocations(EntityManager entities) {
        this.entities = entities;
    }

    @Override
    public Allocation on(UUID hostId) {
        Object[] sums = entities.createQuery("select count(v), coalesce(sum(v.vcpus), 0), coalesce(sum(v.memoryMiB), 0) "
                + "from Vm v where v.hostId = :host", Object[].class).setParameter("host", hostId).getSingleResult();
        return new Allocation(((Number) sums[0]).intValue(), ((Number) sums[1]).longValue(), ((Number) sums[2]).longValue());
    }

    @Override
    public java.util.Map<UUID, Allocation> all() {
        java.util.Map<UUID, Allocation> all = new java.util.HashMap<>();
        entities.createQuery("select v.hostId, count(v), coalesce(sum(v.vcpus), 0), coalesce(sum(v.memoryMiB), 0) "
                + "from Vm v group by v.hostId", Object[].class).getResultStream().forEach(row -> all.put((UUID) row[0],
                new Allocation(((Number) row[1]).intValue(), ((Number) row[2]).longValue(), ((Number) row[3]).longValue())));
        return all;
    }

    @Override
    public List<HostedVm> vmsOn(UUID hostId) {
        return entities.createQuery("select v.id, v.name, v.owner from Vm v where v.hostId = :host order by lower(v.name)",
                Object[].class).setParameter("host", hostId).getResultStream()
                .map(row -> new HostedVm((UUID) row[0], (String) row[1], (String) row[2])).toList();
    }
}
