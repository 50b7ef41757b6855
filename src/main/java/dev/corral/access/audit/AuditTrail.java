package dev.corral.access.audit;

/**
 * The append-only audit trail. Every change and every refused attempt is recorded, each record
 * chained to the previous one by a hash so that tampering is detectable.
 */
public interface AuditTrail {

    /** Appends the event in its own transaction, so a refusal is recorded even when the caller's work rolls back. */
    void record(AuditEvent event);
}
