package dev.corral.sprawl;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes a scan's observations to the findings table in one transaction, with batched statements
 * (a scan of tens of thousands of VMs touches as many rows): new conditions are opened, known ones
 * refreshed, resolved ones that came back re-opened, and open ones no longer found resolved, except
 * on hosts that did not answer, whose findings are kept as they were. Each update names the row's
 * version, so a finding someone resolved while the scan ran is left as they left it.
 */
@Component
class FindingStore {

    static final String CORRAL = "corral";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    FindingStore(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** How a scan changed the findings, and the expired leases whose action is still to be taken. */
    record Applied(int opened, int reopened, int resolved, List<PendingLease> pendingLeases) {
    }

    /** An expired lease's finding whose action Corral has not taken yet. */
    record PendingLease(UUID findingId, UUID vmId) {
    }

    private record Known(UUID id, FindingKind kind, String key, FindingState state, Instant actionTakenAt,
            Instant closedAt, UUID hostId, long version) {
    }

    /**
     * @param evaluated  the kinds this scan evaluated (a kind it could not, such as orphaned owners while
     *                   the directory does not answer, keeps its findings as they are)
     * @param unanswered hosts that did not answer: their findings are kept as they are
     * @param scanStart  findings closed after this moment were closed by someone during the scan
     */
    Applied apply(Collection<Observation> observed, Set<FindingKind> evaluated, Set<UUID> unanswered, Instant scanStart,
            Instant now) {
        return transactions.execute(status -> write(observed, evaluated, unanswered, scanStart, now));
    }

    private Applied write(Collection<Observation> observed, Set<FindingKind> evaluated, Set<UUID> unanswered,
            Instant scanStart, Instant now) {
        Map<String, Known> known = new HashMap<>();
        jdbc.query("select id, kind, object_key, state, action_taken_at, closed_at, host_id, version from sprawl_finding",
                row -> {
                    Known k = new Known(row.getObject(1, UUID.class), FindingKind.valueOf(row.getString(2)), row.getString(3),
                            FindingState.valueOf(row.getString(4)), instant(row.getTimestamp(5)), instant(row.getTimestamp(6)),
                            row.getObject(7, UUID.class), row.getLong(8));
                    known.put(k.kind() + "|" + k.key(), k);
                });
        Timestamp at = Timestamp.from(now);
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> refreshes = new ArrayList<>();
        List<Object[]> reopens = new ArrayList<>();
        List<PendingLease> pending = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Observation o : observed) {
            String identity = o.kind() + "|" + o.objectKey();
            if (!seen.add(identity)) {
                continue;
            }
            Known k = known.get(identity);
            Timestamp since = Timestamp.from(o.since() == null ? now : o.since());
            String details = Finding.trim(o.details());
            if (k == null) {
                UUID id = UUID.randomUUID();
                inserts.add(new Object[] {id, o.kind().name(), o.objectKey(), name(o), o.vmId(), o.hostId(), o.owner(), details,
                        FindingState.OPEN.name(), since, at, at});
                if (o.kind() == FindingKind.LEASE_EXPIRED) {
                    pending.add(new PendingLease(id, o.vmId()));
                }
            } else if (k.state() == FindingState.RESOLVED) {
                if (k.closedAt() != null && k.closedAt().isAfter(scanStart)) {
                    continue; // resolved by someone while this scan ran: their word stands
                }
                reopens.add(new Object[] {name(o), o.vmId(), o.hostId(), o.owner(), details, since, at, at, k.id(), k.version()});
                if (o.kind() == FindingKind.LEASE_EXPIRED) {
                    pending.add(new PendingLease(k.id(), o.vmId()));
                }
            } else {
                refreshes.add(new Object[] {name(o), o.vmId(), o.hostId(), o.owner(), details, at, k.id(), k.version()});
                if (o.kind() == FindingKind.LEASE_EXPIRED && k.actionTakenAt() == null) {
                    pending.add(new PendingLease(k.id(), o.vmId()));
                }
            }
        }
        List<Object[]> closes = new ArrayList<>();
        for (Known k : known.values()) {
            if (k.state() == FindingState.OPEN && evaluated.contains(k.kind()) && !seen.contains(k.kind() + "|" + k.key())
                    && (k.hostId() == null || !unanswered.contains(k.hostId()))) {
                closes.add(new Object[] {at, CORRAL, "No longer found by the scan.", k.id(), k.version()});
            }
        }
        jdbc.batchUpdate("insert into sprawl_finding (id, kind, object_key, object_name, vm_id, host_id, owner, details, "
                + "state, since, first_seen, last_seen, version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)", inserts);
        // An expired lease's details say what Corral did about it once it has; they stay.
        jdbc.batchUpdate("update sprawl_finding set object_name = ?, vm_id = ?, host_id = ?, owner = ?, "
                + "details = case when action_taken_at is null then ? else details end, "
                + "last_seen = ?, version = version + 1 where id = ? and version = ?", refreshes);
        jdbc.batchUpdate("update sprawl_finding set state = 'OPEN', object_name = ?, vm_id = ?, host_id = ?, owner = ?, "
                + "details = ?, since = ?, first_seen = ?, last_seen = ?, action_taken_at = null, closed_at = null, "
                + "closed_by = null, resolution = null, version = version + 1 where id = ? and version = ?", reopens);
        jdbc.batchUpdate("update sprawl_finding set state = 'RESOLVED', closed_at = ?, closed_by = ?, resolution = ?, "
                + "version = version + 1 where id = ? and version = ? and state = 'OPEN'", closes);
        return new Applied(inserts.size(), reopens.size(), closes.size(), pending);
    }

    /** Notes that Corral took (or tried) an expired lease's action, with what it did. */
    void leaseActionTaken(UUID findingId, Instant at, String what) {
        jdbc.update("update sprawl_finding set action_taken_at = ?, details = ?, version = version + 1 where id = ?",
                Timestamp.from(at), Finding.trim(what), findingId);
    }

    /** The open findings per kind and host, for the day's record. */
    Map<FindingKind, Map<UUID, Integer>> openByKindAndHost() {
        Map<FindingKind, Map<UUID, Integer>> counts = new HashMap<>();
        jdbc.query("select kind, host_id, count(*) from sprawl_finding where state = 'OPEN' group by kind, host_id", row -> {
            counts.computeIfAbsent(FindingKind.valueOf(row.getString(1)), k -> new HashMap<>())
                    .put(row.getObject(2, UUID.class), row.getInt(3));
        });
        return counts;
    }

    private static String name(Observation o) {
        String name = o.objectName() == null ? o.objectKey() : o.objectName();
        return name.length() <= 200 ? name : name.substring(0, 199) + "…";
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
