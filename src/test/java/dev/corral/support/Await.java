package dev.corral.support;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The one way tests wait for something the application does in the background: ask again until
 * the answer is the wanted one or the time is up, then fail with what was last seen.
 */
public final class Await {

    private static final Duration POLL = Duration.ofMillis(25);

    private Await() {
    }

    /** Asks {@code read} until {@code done} holds for its answer; returns that answer. */
    public static <T> T until(String what, Duration within, Supplier<T> read, Predicate<? super T> done) {
        Instant deadline = Instant.now().plus(within);
        T last = read.get();
        while (!done.test(last)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Waited " + within.toMillis() + " ms for " + what + "; last seen: " + last);
            }
            LockSupport.parkNanos(POLL.toNanos());
            last = read.get();
        }
        return last;
    }
}
