package dev.corral.console;

import dev.corral.access.Channel;
import dev.corral.vms.VmConsoles;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * One-time tickets for the console WebSocket: 256 random bits, bound to the user and the VM they
 * were issued for, good for {@link ConsoleProperties#ticketLifetime()} and for one handshake. A
 * browser cannot put credentials on a WebSocket, and a script should not have to: the ticket is
 * asked for with the caller's usual sign-in, and the handshake presents it. Kept in this node's
 * memory: the WebSocket must reach the node that issued it.
 */
@Component
public class ConsoleTickets {

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Ticket> issued = new ConcurrentHashMap<>();
    // Tickets redeemed lately, so a replay is told "used already" (and audited against the ticket's user and VM).
    private final Map<String, Ticket> redeemed = new ConcurrentHashMap<>();
    private final ConsoleProperties properties;
    private final Clock clock;

    ConsoleTickets(ConsoleProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    /** A ticket, and who it lets in where. */
    public record Ticket(String value, String user, String sourceAddress, Channel channel, VmConsoles.Target target,
            Instant expiresAt) {
    }

    /** What a presented ticket turned out to be. */
    public sealed interface Redemption {
        record Valid(Ticket ticket) implements Redemption {
        }

        record Refused(String reason, Ticket ticket) implements Redemption {
        }
    }

    Ticket issue(String user, String sourceAddress, Channel channel, VmConsoles.Target target) {
        purge();
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Ticket ticket = new Ticket(value, user, sourceAddress, channel, target,
                clock.instant().plus(properties.ticketLifetime()));
        issued.put(value, ticket);
        return ticket;
    }

    /** Takes the ticket: whatever the answer, it cannot be presented again. */
    Redemption redeem(String value) {
        if (value == null || value.isBlank()) {
            return new Redemption.Refused("No console ticket was presented.", null);
        }
        Ticket ticket = issued.remove(value);
        Instant now = clock.instant();
        if (ticket == null) {
            Ticket used = redeemed.get(value);
            return used != null ? new Redemption.Refused("This console ticket was used already; ask for a new one.", used)
                    : new Redemption.Refused("This console ticket is not known (or expired long ago).", null);
        }
        redeemed.put(value, ticket);
        if (now.isAfter(ticket.expiresAt())) {
            return new Redemption.Refused("This console ticket expired at " + ticket.expiresAt() + "; ask for a new one.", ticket);
        }
        return new Redemption.Valid(ticket);
    }

    private void purge() {
        Instant forgetBefore = clock.instant().minus(properties.ticketLifetime().multipliedBy(10));
        issued.values().removeIf(t -> t.expiresAt().isBefore(forgetBefore));
        redeemed.values().removeIf(t -> t.expiresAt().isBefore(forgetBefore));
    }
}
