package dev.corral.network;

import dev.corral.access.CurrentCaller;
import dev.corral.access.audit.AuditEvent;
import dev.corral.access.audit.AuditTrail;
import org.springframework.stereotype.Component;

/** Records each switch and management-adapter change, and each refusal, in the audit trail on behalf of the caller. */
@Component
class NetworkAudit {

    private static final int MAX_DETAILS = 2000;

    private final AuditTrail audit;

    NetworkAudit(AuditTrail audit) {
        this.audit = audit;
    }

    void changed(String action, String objectType, String id, String name, String details) {
        record(action, objectType, id, name, AuditEvent.Outcome.SUCCESS, details);
    }

    void refused(String action, String objectType, String id, String name, String details) {
        record(action, objectType, id, name, AuditEvent.Outcome.REFUSED, details);
    }

    void failed(String action, String objectType, String id, String name, String details) {
        record(action, objectType, id, name, AuditEvent.Outcome.FAILED, details);
    }

    private void record(String action, String objectType, String id, String name, AuditEvent.Outcome outcome,
            String details) {
        String text = details.length() > MAX_DETAILS ? details.substring(0, MAX_DETAILS - 1) + "…" : details;
        audit.record(new AuditEvent(CurrentCaller.get().user(), CurrentCaller.sourceAddress(), CurrentCaller.channel(),
                action, objectType, id, name, outcome, text));
    }
}
