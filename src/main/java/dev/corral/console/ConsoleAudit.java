package dev.corral.console;

import dev.corral.access.Channel;
import dev.corral.access.audit.AuditEvent;
import dev.corral.access.audit.AuditTrail;
import java.time.Duration;
import org.springframework.stereotype.Component;

/** The console's entries in the audit trail: {@code console.open} (granted or refused) and {@code console.close}. */
@Component
class ConsoleAudit {

    private final AuditTrail trail;

    ConsoleAudit(AuditTrail trail) {
        this.trail = trail;
    }

    void opened(ConsoleSession session, String details) {
        record(session.ticket(), "console.open", AuditEvent.Outcome.SUCCESS, "Console opened: " + details + ".");
    }

    void closed(ConsoleSession session, Duration lasted, String reason) {
        record(session.ticket(), "console.close", AuditEvent.Outcome.SUCCESS,
                "Console closed after " + People.duration(lasted) + ": " + reason);
    }

    void refused(ConsoleTickets.Ticket ticket, String reason) {
        record(ticket, "console.open", AuditEvent.Outcome.REFUSED, reason);
    }

    /** A handshake refused before anyone is known: no valid ticket names the caller. */
    void refusedUnknown(String sourceAddress, String reason) {
        trail.record(new AuditEvent("anonymous", sourceAddress, Channel.CONSOLE, "console.open", "vm", null, null,
                AuditEvent.Outcome.REFUSED, reason));
    }

    private void record(ConsoleTickets.Ticket ticket, String action, AuditEvent.Outcome outcome, String details) {
        trail.record(new AuditEvent(ticket.user(), ticket.sourceAddress(), ticket.channel(), action, "vm",
                ticket.target().vmId().toString(), ticket.target().vmName(), outcome, details));
    }
}
