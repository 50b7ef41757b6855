package dev.corral.console;

import dev.corral.base.ServiceUnavailableException;
import dev.corral.vms.VmConsoles;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The open console sessions of this node, and their rules: how many one user may hold, what a
 * second viewer of a VM does, when an idle one closes, and that one whose right is gone ends.
 * Every session is audited when it opens and when it closes, with how long it lasted and why.
 */
@Component
public class ConsoleSessions {

    private static final Logger log = LoggerFactory.getLogger(ConsoleSessions.class);

    private final List<ConsoleSession> open = new CopyOnWriteArrayList<>();
    // Why sessions ended lately, by ticket, so the viewer's page can say it after the socket is gone.
    private final java.util.Map<String, Ended> ended = new java.util.concurrent.ConcurrentHashMap<>();
    private final ConsoleProperties properties;
    private final VmConsoles consoles;
    private final ConsoleAudit audit;
    private final Clock clock;

    ConsoleSessions(ConsoleProperties properties, VmConsoles consoles, ConsoleAudit audit, Clock clock) {
        this.properties = properties;
        this.consoles = consoles;
        this.audit = audit;
        this.clock = clock;
    }

    /** Why {@code user} may not open one more session, or empty. */
    Optional<String> overLimit(String user) {
        long mine = open.stream().filter(s -> s.user().equals(user)).count();
        return mine < properties.maxSessionsPerUser() ? Optional.empty()
                : Optional.of(user + " has " + mine + " console sessions open, the most one user may have ("
                        + "corral.console.max-sessions-per-user); close one first.");
    }

    /**
     * Opens a session for a redeemed ticket, or refuses it (audited) with the reason. Under the
     * take-over policy, the VM's other viewers are closed first and told who took over.
     */
    synchronized Admission admit(ConsoleTickets.Ticket ticket, Consumer<String> closer) {
        Optional<String> limit = overLimit(ticket.user());
        if (limit.isPresent()) {
            audit.refused(ticket, limit.get());
            return new Admission(null, limit.get());
        }
        UUID vm = ticket.target().vmId();
        List<ConsoleSession> others = viewersOf(vm);
        String took = "";
        if (properties.secondViewer() == ConsoleProperties.SecondViewer.TAKE_OVER && !others.isEmpty()) {
            for (ConsoleSession other : others) {
                end(other, "Taken over by " + ticket.user() + ".");
            }
            took = "; took the screen over from " + String.join(", ", others.stream().map(ConsoleSession::user).distinct().toList());
        }
        ConsoleSession session = new ConsoleSession(ticket, clock.instant(), closer);
        open.add(session);
        int viewers = viewersOf(vm).size();
        audit.opened(session, viewers + (viewers == 1 ? " viewer" : " viewers") + took);
        return new Admission(session, null);
    }

    record Admission(ConsoleSession session, String refusal) {
    }

    /** Ends a session once, audited with its duration and reason, and closes its connection. */
    void end(ConsoleSession session, String reason) {
        if (!session.ending(reason)) {
            return;
        }
        open.remove(session);
        Instant now = clock.instant();
        ended.values().removeIf(e -> e.at().isBefore(now.minus(Duration.ofMinutes(10))));
        ended.put(session.ticket().value(), new Ended(reason, now));
        Duration lasted = Duration.between(session.openedAt(), clock.instant());
        audit.closed(session, lasted, reason);
        session.close(reason);
    }

    void input(ConsoleSession session) {
        session.touched(clock.instant());
    }

    /** The sessions open on a VM, oldest first. */
    public List<ConsoleSession> viewersOf(UUID vmId) {
        return open.stream().filter(s -> s.ticket().target().vmId().equals(vmId)).toList();
    }

    /** The session a ticket opened, while it is open. */
    public Optional<ConsoleSession> byTicket(String ticket) {
        return open.stream().filter(s -> s.ticket().value().equals(ticket)).findFirst();
    }

    private record Ended(String reason, Instant at) {
    }

    /** Why the session a ticket opened has ended, for ten minutes after; empty while open or unknown. */
    public Optional<String> endedBecause(String ticket) {
        return Optional.ofNullable(ended.get(ticket)).map(Ended::reason);
    }

    /** How long the session may stay idle from now on. */
    public Duration idleLeft(ConsoleSession session) {
        Duration left = properties.idleTimeout().minus(Duration.between(session.lastInput(), clock.instant()));
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** Closes idle sessions, and those whose right is gone; every second. */
    @Scheduled(fixedDelayString = "${corral.console.sweep-interval:1s}")
    void sweep() {
        Instant now = clock.instant();
        for (ConsoleSession session : new ArrayList<>(open)) {
            if (!Duration.between(session.lastInput(), now).minus(properties.idleTimeout()).isNegative()) {
                end(session, "Closed after " + People.duration(properties.idleTimeout()) + " without input.");
            } else if (!Duration.between(session.lastRecheck(), now).minus(properties.recheckInterval()).isNegative()) {
                session.rechecked(now);
                recheck(session);
            }
        }
    }

    private void recheck(ConsoleSession session) {
        try {
            consoles.revoked(session.user(), session.ticket().target().vmId())
                    .ifPresent(why -> end(session, "The right to this console was withdrawn: " + why));
        } catch (ServiceUnavailableException e) {
            // A directory that is away for a moment is no reason to cut an administrator off; the next recheck asks again.
            log.warn("Could not recheck the console right of {} on {}: {}", session.user(),
                    session.ticket().target().vmName(), e.getMessage());
        }
    }

    /** Ends every session when the node stops, so the trail shows them closed. */
    @jakarta.annotation.PreDestroy
    void shutdown() {
        for (ConsoleSession session : new ArrayList<>(open)) {
            end(session, "Corral is shutting down.");
        }
    }
}
