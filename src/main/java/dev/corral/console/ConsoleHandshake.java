package dev.corral.console;

import dev.corral.access.Origins;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The console WebSocket's door: a page of another site is refused (its Origin is neither Corral's
 * nor configured), and so is a missing, unknown, reused or expired ticket; each refusal is
 * audited and answered 403 before any upgrade. A script sends no Origin and is let through on its
 * ticket alone.
 */
@Component
class ConsoleHandshake implements HandshakeInterceptor {

    private static final Logger log = LoggerFactory.getLogger(ConsoleHandshake.class);

    private final ConsoleTickets tickets;
    private final ConsoleSessions sessions;
    private final ConsoleAudit audit;
    private final Set<String> allowedOrigins;

    ConsoleHandshake(ConsoleTickets tickets, ConsoleSessions sessions, ConsoleAudit audit, ConsoleProperties properties) {
        this.tickets = tickets;
        this.sessions = sessions;
        this.audit = audit;
        this.allowedOrigins = properties.allowedOrigins().stream().map(Origins::normalised).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
            Map<String, Object> attributes) {
        String source = request instanceof ServletServerHttpRequest servlet ? servlet.getServletRequest().getRemoteAddr() : null;
        String value = UriComponentsBuilder.fromUri(request.getURI()).build().getQueryParams().getFirst("ticket");
        // The ticket is taken whatever happens next, so a refused handshake cannot be retried with it.
        ConsoleTickets.Redemption redemption = tickets.redeem(value);
        String origin = request.getHeaders().getFirst("Origin");
        String foreign = origin == null || !(request instanceof ServletServerHttpRequest servlet)
                || Origins.isOwn(servlet.getServletRequest(), origin) || allowedOrigins.contains(Origins.normalised(origin))
                ? null : "A page of " + Origins.printable(origin) + " may not open Corral's consoles.";
        ConsoleTickets.Ticket ticket = switch (redemption) {
            case ConsoleTickets.Redemption.Valid valid -> valid.ticket();
            case ConsoleTickets.Redemption.Refused refused -> refused.ticket();
        };
        String refusal = foreign != null ? foreign
                : redemption instanceof ConsoleTickets.Redemption.Refused refused ? refused.reason()
                : sessions.overLimit(ticket.user()).orElse(null);
        if (refusal == null) {
            attributes.put(ConsoleRelay.TICKET, ticket);
            return true;
        }
        log.info("Console handshake from {} refused: {}", source, refusal);
        if (ticket != null) {
            audit.refused(ticket, refusal);
        } else {
            audit.refusedUnknown(source, refusal);
        }
        response.setStatusCode(HttpStatus.FORBIDDEN);
        return false;
    }

    @Override
    public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
            Exception exception) {
        // Nothing: the relay takes over once the socket is open.
    }
}
