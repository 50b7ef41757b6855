package dev.corral.access.audit;

import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.repository.Repository;

/**
 * The audit records. Append-only: there is no save of an existing record, no update and no
 * delete, only {@link AuditRecordStore#append} and queries.
 */
interface AuditRecordRepository extends Repository<AuditRecord, Long>, AuditRecordStore {

    /** The next records of the chain after {@code after}, up to the head, in sequence order. */
    List<AuditRecord> findBySequenceGreaterThanAndSequenceLessThanEqualOrderBySequenceAsc(long after, long upTo,
            Limit limit);
}
