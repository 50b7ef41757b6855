package dev.corral.access.audit;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The filters as criteria, so that only the criteria given reach the SQL. */
class AuditRecordStoreImpl implements AuditRecordStore {

    private static final char LIKE_ESCAPE = '\\';

    @PersistenceContext
    private EntityManager entityManager;

    @Override
    public void append(AuditRecord record) {
        entityManager.persist(record);
    }

    @Override
    public List<AuditRecord> search(AuditFilter filter, long offset, int limit) {
        CriteriaBuilder cb = entityManager.getCriteriaBuilder();
        CriteriaQuery<AuditRecord> query = cb.createQuery(AuditRecord.class);
        Root<AuditRecord> record = query.from(AuditRecord.class);
        query.select(record).where(matching(filter, cb, record)).orderBy(cb.desc(record.get("sequence")));
        return entityManager.createQuery(query)
                .setFirstResult(Math.toIntExact(offset))
                .setMaxResults(limit)
                .getResultList();
    }

    @Override
    public long count(AuditFilter filter) {
        CriteriaBuilder cb = entityManager.getCriteriaBuilder();
        CriteriaQuery<Long> query = cb.createQuery(Long.class);
        Root<AuditRecord> record = query.from(AuditRecord.class);
        query.select(cb.count(record)).where(matching(filter, cb, record));
        return entityManager.createQuery(query).getSingleResult();
    }

    private static Predicate[] matching(AuditFilter filter, CriteriaBuilder cb, Root<AuditRecord> record) {
        List<Predicate> predicates = new ArrayList<>();
        if (filter.from() != null) {
            predicates.add(cb.greaterThanOrEqualTo(record.get("recordedAt"), filter.from()));
        }
        if (filter.to() != null) {
            predicates.add(cb.lessThan(record.get("recordedAt"), filter.to()));
        }
        if (filter.principal() != null) {
            predicates.add(cb.equal(record.get("principalKey"), AuditRecord.keyOf(filter.principal())));
        }
        if (filter.object() != null) {
            String namePart = "%" + escapeLike(filter.object().toLowerCase(Locale.ROOT)) + "%";
            predicates.add(cb.or(
                    cb.equal(record.get("objectId"), filter.object()),
                    cb.like(cb.lower(record.get("objectName")), namePart, LIKE_ESCAPE)));
        }
        if (filter.outcome() != null) {
            predicates.add(cb.equal(record.get("outcome"), filter.outcome().name()));
        }
        return predicates.toArray(Predicate[]::new);
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
