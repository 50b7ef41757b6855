package dev.corral.access;

import dev.corral.access.SignInThrottleEntry.Admission;
import dev.corral.access.SignInThrottleEntry.Key;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Function;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts sign-in attempts per directory user and source address, and locks a pair that fails too
 * often. Every count is taken under a row lock (insert-or-update), never read-then-write, so
 * parallel attempts on several threads or nodes each see the one before. Keyed by the address as
 * well as the user so that a stranger cannot lock a user out from the user's own machine; each
 * lock in a row lasts twice as long as the one before, up to {@code corral.sign-in.max-lock-minutes}.
 */
@Service
class SignInThrottle {

    /** Longer names are never valid directory names; they are refused before any lookup. */
    static final int MAX_NAME_LENGTH = 256;
    /** How long an attempt waits for attempts in progress before it is refused as busy. */
    static final Duration BUSY_WAIT = Duration.ofSeconds(20);
    private static final long POLL_MILLIS = 20;

    private final SignInThrottleRepository repository;
    private final SignInProperties properties;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final String domain;

    SignInThrottle(SignInThrottleRepository repository, SignInProperties properties, Clock clock,
            PlatformTransactionManager transactionManager, DirectoryProperties directory) {
        this.repository = repository;
        this.properties = properties;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
        this.domain = directory.mode() == DirectoryProperties.Mode.ACTIVE_DIRECTORY && directory.adDomain() != null
                ? directory.adDomain().strip().toLowerCase(Locale.ROOT) : null;
    }

    /** What an attempt was told: go ahead, or locked for so long (busy counts as locked, for a moment). */
    record Verdict(Admission admission, Duration remaining) {
        boolean admitted() {
            return admission == Admission.ADMITTED;
        }
    }

    /**
     * Admits an attempt, or says how long the pair stays locked. While the limit is held by
     * attempts still waiting for the directory, waits (up to {@link #BUSY_WAIT}) for their answer:
     * wrong ones lock the pair, a right one frees it.
     */
    Verdict admit(Key key) {
        long deadline = System.nanoTime() + BUSY_WAIT.toNanos();
        while (true) {
            Verdict verdict = underLock(key, entry -> {
                Instant now = clock.instant();
                Admission admission = entry.admit(now, properties.maxFailures(), properties.window());
                Duration remaining = admission == Admission.LOCKED ? Duration.between(now, entry.lockedUntil()) : null;
                return new Verdict(admission, remaining);
            });
            if (verdict.admission() != Admission.BUSY || System.nanoTime() > deadline) {
                return verdict;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return verdict;
            }
        }
    }

    void failed(Key key) {
        underLock(key, entry -> {
            entry.failed(clock.instant(), properties.maxFailures(), properties.lock(), properties.maxLock());
            return null;
        });
    }

    void succeeded(Key key) {
        transactions.executeWithoutResult(status -> repository.lockByKey(key).ifPresent(entry -> {
            if (entry.succeeded()) {
                repository.delete(entry);
            }
        }));
    }

    void abandoned(Key key) {
        transactions.executeWithoutResult(status -> repository.lockByKey(key).ifPresent(SignInThrottleEntry::abandoned));
    }

    /**
     * Runs on the pair's row, locked; creates it when missing. Two first attempts may both insert:
     * the loser's transaction fails on the primary key and is run again, finding the winner's row.
     */
    private <T> T underLock(Key key, Function<SignInThrottleEntry, T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.execute(status -> {
                    SignInThrottleEntry entry = repository.lockByKey(key)
                            .orElseGet(() -> new SignInThrottleEntry(key, clock.instant()));
                    T result = work.apply(entry);
                    repository.saveAndFlush(entry);
                    return result;
                });
            } catch (DataIntegrityViolationException raced) {
                if (attempt == 3) {
                    throw raced;
                }
            }
        }
    }

    /** The pair counted for a sign-in as {@code userName} from {@code sourceAddress}. */
    Key keyOf(String userName, String sourceAddress) {
        return new Key(userKey(userName, domain), sourceKey(sourceAddress));
    }

    /**
     * The one spelling of a user name the directory would take it for: compatibility forms folded
     * (full-width letters are letters), spaces around it dropped, lower case, and the configured
     * Active Directory domain dropped ({@code alice@corp.example.com} is {@code alice}).
     */
    static String userKey(String userName, String domain) {
        String key = Normalizer.normalize(userName, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
        if (domain != null && key.endsWith("@" + domain) && key.indexOf('@') == key.length() - domain.length() - 1) {
            key = key.substring(0, key.length() - domain.length() - 1);
        }
        return key;
    }

    /** The name as it is handed to the directory: compatibility forms folded, spaces around it dropped. */
    static String directoryName(String userName) {
        return Normalizer.normalize(userName, Normalizer.Form.NFKC).strip();
    }

    /**
     * The source as counted: an IPv6 address by its /64 network (one machine can take any address in
     * it), an IPv4-mapped address as IPv4, anything unreadable as it came.
     */
    static String sourceKey(String address) {
        if (address == null || address.isBlank()) {
            return "unknown";
        }
        String literal = address.strip();
        if (!literal.matches("[0-9A-Fa-f:.]{2,45}")) {
            return literal.length() > 64 ? literal.substring(0, 64) : literal;
        }
        try {
            // A literal (checked above), so no name lookup happens; IPv4-mapped comes back as IPv4.
            byte[] bytes = InetAddress.getByName(literal).getAddress();
            if (bytes.length == 16) {
                for (int i = 8; i < 16; i++) {
                    bytes[i] = 0;
                }
                return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
            }
            return InetAddress.getByAddress(bytes).getHostAddress();
        } catch (UnknownHostException e) {
            return literal;
        }
    }
}
