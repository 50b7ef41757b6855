package dev.corral.licensing;

import dev.corral.access.CurrentCaller;
import dev.corral.access.audit.AuditEvent;
import dev.corral.access.audit.AuditTrail;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Records the licensing feature's changes, refusals and violations in the audit trail, on behalf of the caller. */
@Component
class LicensingAudit {

    private final AuditTrail audit;

    LicensingAudit(AuditTrail audit) {
        this.audit = audit;
    }

    void record(String action, String objectType, UUID id, String name, AuditEvent.Outcome outcome, String details) {
        audit.record(new AuditEvent(CurrentCaller.get().user(), CurrentCaller.sourceAddress(), CurrentCaller.channel(),
                action, objectType, id == null ? null : id.toString(), name, outcome, details));
    }
}
