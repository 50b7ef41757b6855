package dev.corral.access.audit;

import dev.corral.access.AccessPolicy;
import dev.corral.access.Permission;
import dev.corral.access.Scope;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.SliceImpl;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading the audit trail, and checking its hash chain. Needs audit.view globally. */
@Service
@Transactional(readOnly = true)
public class AuditQueries {

    /** Records held in memory at once while the chain is verified. */
    static final int VERIFY_BATCH = 1_000;

    private final AuditRecordRepository records;
    private final AuditHeadRepository heads;
    private final AccessPolicy accessPolicy;

    @PersistenceContext
    private EntityManager entityManager;

    AuditQueries(AuditRecordRepository records, AuditHeadRepository heads, AccessPolicy accessPolicy) {
        this.records = records;
        this.heads = heads;
        this.accessPolicy = accessPolicy;
    }

    /** The matching records, newest first, with the number of all matching records. */
    public Page<AuditEntry> page(AuditFilter filter, Pageable pageable) {
        accessPolicy.require(Permission.AUDIT_VIEW, Scope.GLOBAL);
        List<AuditEntry> content = entries(filter, pageable.getOffset(), pageable.getPageSize());
        return new PageImpl<>(content, pageable, records.count(filter));
    }

    /** The matching records, newest first, without counting them all. */
    public Slice<AuditEntry> slice(AuditFilter filter, Pageable pageable) {
        accessPolicy.require(Permission.AUDIT_VIEW, Scope.GLOBAL);
        List<AuditEntry> content = entries(filter, pageable.getOffset(), pageable.getPageSize() + 1);
        boolean more = content.size() > pageable.getPageSize();
        return new SliceImpl<>(more ? content.subList(0, pageable.getPageSize()) : content, pageable, more);
    }

    public long count(AuditFilter filter) {
        accessPolicy.require(Permission.AUDIT_VIEW, Scope.GLOBAL);
        return records.count(filter);
    }

    /**
     * Walks the whole chain in sequence order, a batch at a time, and recomputes every hash. The
     * head is read first, so records appended meanwhile are left for the next verification.
     */
    public ChainVerification verify() {
        accessPolicy.require(Permission.AUDIT_VIEW, Scope.GLOBAL);
        AuditHead head = heads.head();
        long headSequence = head.lastSequence();
        String headHash = head.lastHash();
        AuditChainWalk walk = new AuditChainWalk();
        long after = 0;
        List<AuditRecord> batch;
        do {
            batch = records.findBySequenceGreaterThanAndSequenceLessThanEqualOrderBySequenceAsc(after, headSequence,
                    Limit.of(VERIFY_BATCH));
            for (AuditRecord record : batch) {
                Optional<ChainVerification> broken = walk.check(record);
                if (broken.isPresent()) {
                    return broken.get();
                }
                after = record.sequence();
            }
            entityManager.clear(); // keep the persistence context from holding the whole chain
        } while (batch.size() == VERIFY_BATCH);
        return walk.finish(headSequence, headHash);
    }

    private List<AuditEntry> entries(AuditFilter filter, long offset, int limit) {
        return records.search(filter, offset, limit).stream().map(AuditRecord::toEntry).toList();
    }
}
