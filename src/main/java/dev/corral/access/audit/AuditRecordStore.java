package dev.corral.access.audit;

import java.util.List;

/** What Spring Data cannot derive for the audit records: a plain insert, and the filtered search. */
interface AuditRecordStore {

    /** Inserts the record; fails if its sequence number is taken. */
    void append(AuditRecord record);

    /** The records that match, newest first. */
    List<AuditRecord> search(AuditFilter filter, long offset, int limit);

    long count(AuditFilter filter);
}
