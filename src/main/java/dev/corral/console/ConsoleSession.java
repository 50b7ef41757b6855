package dev.corral.console;

import java.time.Instant;
import java.util.function.Consumer;

/** One open console: who watches which VM since when, and how to end it with a reason. */
public final class ConsoleSession {

    private final ConsoleTickets.Ticket ticket;
    private final Instant openedAt;
    private final Consumer<String> closer;
    private volatile Instant lastInput;
    private volatile Instant lastRecheck;
    private volatile String endReason;

    ConsoleSession(ConsoleTickets.Ticket ticket, Instant openedAt, Consumer<String> closer) {
        this.ticket = ticket;
        this.openedAt = openedAt;
        this.closer = closer;
        this.lastInput = openedAt;
        this.lastRecheck = openedAt;
    }

    public ConsoleTickets.Ticket ticket() {
        return ticket;
    }

    public String user() {
        return ticket.user();
    }

    public Instant openedAt() {
        return openedAt;
    }

    public Instant lastInput() {
        return lastInput;
    }

    /** Why it ended, once it has; null while open. */
    public String endReason() {
        return endReason;
    }

    void touched(Instant at) {
        lastInput = at;
    }

    Instant lastRecheck() {
        return lastRecheck;
    }

    void rechecked(Instant at) {
        lastRecheck = at;
    }

    /** Records the first reason only: the one the viewer is told. */
    synchronized boolean ending(String reason) {
        if (endReason != null) {
            return false;
        }
        endReason = reason;
        return true;
    }

    void close(String reason) {
        closer.accept(reason);
    }
}
