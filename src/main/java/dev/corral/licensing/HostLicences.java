package dev.corral.licensing;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The licence count recorded for each host. The hosts feature keeps it (set at registration and
 * in the host's settings) but does not yet carry it in {@code HostSummary}, so it is read here,
 * read-only, from the host inventory by the entity's name.
 */
@Component
@Transactional(readOnly = true)
class HostLicences {

    @PersistenceContext
    private EntityManager entityManager;

    /** The count recorded for the host, or null. */
    Integer of(UUID hostId) {
        List<Integer> found = entityManager.createQuery("select h.licenceCount from Host h where h.id = :id", Integer.class)
                .setParameter("id", hostId).getResultList();
        return found.isEmpty() ? null : found.getFirst();
    }

    /** Every host's recorded count; hosts without one are absent. */
    Map<UUID, Integer> all() {
        Map<UUID, Integer> counts = new HashMap<>();
        entityManager.createQuery("select h.id, h.licenceCount from Host h where h.licenceCount is not null", Object[].class)
                .getResultStream().forEach(row -> counts.put((UUID) row[0], (Integer) row[1]));
        return counts;
    }
}
