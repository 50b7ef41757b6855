package dev.corral.access.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Objects;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One record of the audit trail, chained to the previous one by its hash. Append-only: the
 * entity is immutable to Hibernate, it is only ever persisted (never merged), and no code path
 * updates or deletes it. Channel and outcome are kept as the text recorded, so that a tampered row still
 * loads and fails verification instead of failing to load.
 */
@Entity
@Immutable
@Table(name = "audit_record")
class AuditRecord {

    static final int PRINCIPAL_LENGTH = 256;
    static final int SOURCE_LENGTH = 128;
    static final int ACTION_LENGTH = 128;
    static final int OBJECT_TYPE_LENGTH = 64;
    static final int OBJECT_ID_LENGTH = 128;
    static final int OBJECT_NAME_LENGTH = 256;
    static final int DETAILS_LENGTH = 2000;

    @Id
    @Column(name = "sequence_number")
    private long sequence;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    @Column(name = "principal", nullable = false, length = PRINCIPAL_LENGTH)
    private String principal;

    @Column(name = "principal_key", nullable = false, length = PRINCIPAL_LENGTH)
    private String principalKey;

    @Column(name = "source_address", length = SOURCE_LENGTH)
    private String sourceAddress;

    @Column(name = "channel", nullable = false, length = 16)
    private String channel;

    @Column(name = "action", nullable = false, length = ACTION_LENGTH)
    private String action;

    @Column(name = "object_type", length = OBJECT_TYPE_LENGTH)
    private String objectType;

    @Column(name = "object_id", length = OBJECT_ID_LENGTH)
    private String objectId;

    @Column(name = "object_name", length = OBJECT_NAME_LENGTH)
    private String objectName;

    @Column(name = "outcome", nullable = false, length = 16)
    private String outcome;

    @Column(name = "details", length = DETAILS_LENGTH)
    private String details;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "previous_hash", nullable = false, length = 64)
    private String previousHash;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "hash", nullable = false, length = 64)
    private String hash;

    protected AuditRecord() {
    }

    /**
     * The record that follows the given hash. Text longer than its column is shortened with an
     * ellipsis rather than refused: an attempt must be recorded whatever the caller sent. The
     * time is cut to microseconds, the precision the database keeps, so the hash survives the
     * round trip.
     */
    static AuditRecord chain(long sequence, Instant time, AuditEvent event, String previousHash) {
        AuditRecord record = new AuditRecord();
        record.sequence = sequence;
        record.recordedAt = time.truncatedTo(ChronoUnit.MICROS);
        record.principal = AuditText.fit(Objects.requireNonNull(event.principal(), "An audit event needs a principal"),
                PRINCIPAL_LENGTH);
        record.principalKey = keyOf(record.principal);
        record.sourceAddress = AuditText.fit(event.sourceAddress(), SOURCE_LENGTH);
        record.channel = Objects.requireNonNull(event.channel(), "An audit event needs a channel").name();
        record.action = AuditText.fit(Objects.requireNonNull(event.action(), "An audit event needs an action"),
                ACTION_LENGTH);
        record.objectType = AuditText.fit(event.objectType(), OBJECT_TYPE_LENGTH);
        record.objectId = AuditText.fit(event.objectId(), OBJECT_ID_LENGTH);
        record.objectName = AuditText.fit(event.objectName(), OBJECT_NAME_LENGTH);
        record.outcome = Objects.requireNonNull(event.outcome(), "An audit event needs an outcome").name();
        record.details = AuditText.fit(event.details(), DETAILS_LENGTH);
        record.previousHash = previousHash;
        record.hash = record.computeHash();
        return record;
    }

    /** Directory names compare without regard to case; the key is what the principal filter matches. */
    static String keyOf(String principal) {
        return principal.strip().toLowerCase(Locale.ROOT);
    }

    /** The hash of the fields as they are now, to compare with the one stored. */
    String computeHash() {
        return AuditHash.begin()
                .number(sequence)
                .number(recordedAt.getEpochSecond()).number(recordedAt.getNano())
                .text(principal).text(principalKey).text(sourceAddress).text(channel).text(action)
                .text(objectType).text(objectId).text(objectName).text(outcome).text(details)
                .text(previousHash)
                .hex();
    }

    AuditEntry toEntry() {
        return new AuditEntry(sequence, recordedAt, principal, sourceAddress, channel, action, objectType, objectId,
                objectName, outcome, details, previousHash, hash);
    }

    long sequence() {
        return sequence;
    }

    String previousHash() {
        return previousHash;
    }

    String hash() {
        return hash;
    }
}
