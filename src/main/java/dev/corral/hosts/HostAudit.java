package dev.corral.hosts;

import dev.corral.access.CurrentCaller;
import dev.corral.access.audit.AuditEvent;
import dev.corral.access.audit.AuditTrail;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Records each change to the host inventory in the audit trail, on behalf of the caller. */
@Component
class HostAudit {

    private final AuditTrail audit;

    HostAudit(AuditTrail audit) {
        this.audit = audit;
    }

    void changed(String action, String objectType, UUID id, String name, String details) {
        audit.record(new AuditEvent(CurrentCaller.get().user(), CurrentCaller.sourceAddress(), CurrentCaller.channel(),
                action, objectType, id.toString(), name, AuditEvent.Outcome.SUCCESS, details));
    }

    void failed(String action, String objectType, String name, String details) {
        audit.record(new AuditEvent(CurrentCaller.get().user(), CurrentCaller.sourceAddress(), CurrentCaller.channel(),
                action, objectType, null, name, AuditEvent.Outcome.FAILED, details));
    }
}
