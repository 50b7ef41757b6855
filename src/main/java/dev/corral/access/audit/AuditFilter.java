package dev.corral.access.audit;

import dev.corral.access.audit.AuditEvent.Outcome;
import java.time.Instant;

/**
 * Which records to show; every criterion is optional.
 *
 * @param from      records at or after this time
 * @param to        records before this time
 * @param principal the user name, whatever its case
 * @param object    an object id exactly, or part of an object's name whatever its case
 */
public record AuditFilter(Instant from, Instant to, String principal, String object, Outcome outcome) {

    private static final AuditFilter NONE = new AuditFilter(null, null, null, null, null);

    public AuditFilter {
        principal = blankToNull(principal);
        object = blankToNull(object);
        if (from != null && to != null && !to.isAfter(from)) {
            throw new IllegalArgumentException("The end of the time range must be after its start");
        }
    }

    public static AuditFilter none() {
        return NONE;
    }

    public boolean isEmpty() {
        return equals(NONE);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
