package dev.corral.console;

import dev.corral.access.Caller;
import dev.corral.access.CurrentCaller;
import dev.corral.vms.VmConsoles;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Opens the way to a VM's screen: the caller must hold {@code vm.console} at the VM and its host
 * must be able to give one (both decided by {@link VmConsoles}, refusals audited there), and must
 * have a session to spare. The answer is a one-time ticket for the WebSocket.
 */
@Service
public class ConsoleService {

    private final VmConsoles consoles;
    private final ConsoleTickets tickets;
    private final ConsoleSessions sessions;
    private final ConsoleAudit audit;

    ConsoleService(VmConsoles consoles, ConsoleTickets tickets, ConsoleSessions sessions, ConsoleAudit audit) {
        this.consoles = consoles;
        this.tickets = tickets;
        this.sessions = sessions;
        this.audit = audit;
    }

    /**
     * @param ticket    present it as {@code ?ticket=} on the WebSocket, once, before {@code expiresAt}
     * @param path      the WebSocket's path on this server, ticket included
     */
    public record Opening(UUID vmId, String vmName, String ticket, String path, Instant expiresAt) {
    }

    public Opening open(UUID vmId) {
        Caller caller = CurrentCaller.get();
        VmConsoles.Target target = consoles.authorize(vmId);
        ConsoleTickets.Ticket ticket = tickets.issue(caller.user(), CurrentCaller.sourceAddress(), CurrentCaller.channel(), target);
        var limit = sessions.overLimit(caller.user());
        if (limit.isPresent()) {
            tickets.redeem(ticket.value());
            audit.refused(ticket, limit.get());
            throw new dev.corral.base.ConflictException(limit.get());
        }
        return new Opening(vmId, target.vmName(), ticket.value(), ConsoleWebSocketConfiguration.PATH + "?ticket=" + ticket.value(),
                ticket.expiresAt());
    }
}
