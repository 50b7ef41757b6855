package dev.corral.access.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * The end of the chain: the last sequence number and hash. Its one row is locked by every
 * append, which makes appends take turns across threads and across Corral nodes.
 */
@Entity
@Table(name = "audit_head")
class AuditHead {

    static final int ID = 1;

    @Id
    private int id;

    @Column(name = "last_sequence", nullable = false)
    private long lastSequence;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "last_hash", nullable = false, length = 64)
    private String lastHash;

    protected AuditHead() {
    }

    long lastSequence() {
        return lastSequence;
    }

    String lastHash() {
        return lastHash;
    }

    void advanceTo(AuditRecord record) {
        if (record.sequence() != lastSequence + 1 || !record.previousHash().equals(lastHash)) {
            throw new IllegalStateException("Record " + record.sequence() + " does not follow the head of the chain");
        }
        lastSequence = record.sequence();
        lastHash = record.hash();
    }
}
