package dev.corral.vms;

import dev.corral.engine.VmSpec;
import dev.corral.engine.VmState;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which registered VMs of a guest family are in given states on given hosts, as last recorded:
 * what Windows licensing counts against a host's rights. Unfiltered by the caller's visibility:
 * the rights of a host are used by every VM on it, seen or not; the caller decides what to show.
 */
@Service
@Transactional(readOnly = true)
public class RunningGuests {

    @PersistenceContext
    private EntityManager entityManager;

    /** One VM as licensing counts it. */
    public record Guest(UUID id, String name, String owner, UUID hostId, VmState state) {
    }

    /** The VMs of the family on those hosts whose recorded state is one of those given, by host and name. */
    public List<Guest> on(Collection<UUID> hostIds, VmSpec.GuestOs.Family family, Set<VmState> states) {
        if (hostIds.isEmpty() || states.isEmpty()) {
            return List.of();
        }
        return entityManager.createQuery("""
                        select v.id, v.name, v.owner, v.hostId, r.state from Vm v join VmRuntime r on r.vmId = v.id
                        where v.hostId in :hosts and v.guestFamily = :family and r.state in :states
                        order by v.hostId, v.name""", Object[].class)
                .setParameter("hosts", hostIds)
                .setParameter("family", family.name())
                .setParameter("states", states)
                .getResultStream()
                .map(row -> new Guest((UUID) row[0], (String) row[1], (String) row[2], (UUID) row[3], (VmState) row[4]))
                .toList();
    }

    /** Those of the VMs that are registered, with their recorded state (null if none is recorded yet), by name. */
    public List<Guest> registered(Collection<UUID> vmIds) {
        if (vmIds.isEmpty()) {
            return List.of();
        }
        return entityManager.createQuery("""
                        select v.id, v.name, v.owner, v.hostId, r.state from Vm v left join VmRuntime r on r.vmId = v.id
                        where v.id in :ids order by v.name""", Object[].class)
                .setParameter("ids", vmIds)
                .getResultStream()
                .map(row -> new Guest((UUID) row[0], (String) row[1], (String) row[2], (UUID) row[3], (VmState) row[4]))
                .toList();
    }

    /** The host the VM is registered on now, if it is registered. */
    public Optional<UUID> hostOf(UUID vmId) {
        return entityManager.createQuery("select v.hostId from Vm v where v.id = :id", UUID.class)
                .setParameter("id", vmId).getResultStream().findFirst();
    }
}
