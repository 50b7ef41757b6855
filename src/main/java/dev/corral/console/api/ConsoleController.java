package dev.corral.console.api;

import dev.corral.console.ConsoleService;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.UUID;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** {@code POST /api/v1/vms/{id}/console}: a ticket for the VM's screen, so any RFB-over-WebSocket client can attach. */
@RestController
class ConsoleController {

    private final ConsoleService consoles;

    ConsoleController(ConsoleService consoles) {
        this.consoles = consoles;
    }

    /**
     * @param ticket    good for one WebSocket handshake before {@code expiresAt}
     * @param url       the WebSocket to open (ws:// or wss://, as this request came), ticket included; it speaks RFB 3.8
     *                  with no authentication of its own
     */
    record ConsoleTicket(UUID vmId, String vmName, String ticket, String url, Instant expiresAt) {
    }

    @Operation(operationId = "openVmConsole", summary = "Ask for a one-time ticket to the VM's screen",
            description = "Needs vm.console at the VM, and a host that can give a screen. The WebSocket at `url` relays "
                    + "RFB (the VNC protocol) between the caller and the VM's display: present it within the ticket's "
                    + "lifetime (30 s by default), once. A browser page must be of Corral's own origin.")
    @PostMapping("/api/v1/vms/{id}/console")
    ConsoleTicket open(@PathVariable UUID id, HttpServletRequest request) {
        ConsoleService.Opening opening = consoles.open(id);
        String base = ServletUriComponentsBuilder.fromContextPath(request).replacePath(request.getContextPath()).build().toUriString();
        String url = base.replaceFirst("^http", "ws") + opening.path();
        return new ConsoleTicket(opening.vmId(), opening.vmName(), opening.ticket(), url, opening.expiresAt());
    }
}
