package dev.corral.sprawl;

import dev.corral.access.AccessPolicy;
import dev.corral.access.Permission;
import dev.corral.hosts.HostGroupSummary;
import dev.corral.hosts.HostTree;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily record behind the trend chart: per day and host group, the VMs registered and the open
 * findings of each kind, as the day's last scan saw them. A reader sees the sum over the host groups
 * they may see whole (inventory.view on the group).
 */
@Service
public class SprawlTrend {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final AccessPolicy policy;
    private final HostTree tree;
    private final SprawlProperties properties;
    private final Clock clock;

    SprawlTrend(JdbcTemplate jdbc, TransactionTemplate transactions, AccessPolicy policy, HostTree tree,
            SprawlProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.policy = policy;
        this.tree = tree;
        this.properties = properties;
        this.clock = clock;
    }

    /** One day of the trend: the VMs and the open findings of each kind. */
    public record Day(LocalDate day, int vms, Map<FindingKind, Integer> findings) {

        public int findingsTotal() {
            return findings.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /** One host group's counts for a day. */
    record GroupCounts(int vms, Map<FindingKind, Integer> findings) {
    }

    /** Replaces the day's record with these counts (each scan of the day overwrites the one before). */
    void record(LocalDate day, Map<UUID, GroupCounts> groups, Instant at) {
        List<Object[]> rows = new ArrayList<>();
        groups.forEach((group, counts) -> rows.add(new Object[] {Date.valueOf(day), group, counts.vms(),
                count(counts, FindingKind.UNMANAGED), count(counts, FindingKind.MISSING),
                count(counts, FindingKind.LEASE_EXPIRED), count(counts, FindingKind.IDLE),
                count(counts, FindingKind.ORPHANED_OWNER), count(counts, FindingKind.OLD_SNAPSHOT),
                count(counts, FindingKind.OVERCOMMITTED), Timestamp.from(at)}));
        transactions.executeWithoutResult(status -> {
            jdbc.update("delete from sprawl_daily where record_day = ?", Date.valueOf(day));
            jdbc.batchUpdate("insert into sprawl_daily (record_day, host_group_id, vms, unmanaged, missing, lease_expired, idle, "
                    + "orphaned_owner, old_snapshot, overcommitted, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
        });
    }

    private static int count(GroupCounts counts, FindingKind kind) {
        return counts.findings().getOrDefault(kind, 0);
    }

    /** The last {@code corral.sprawl.trend-days} days that have a record, summed over the host groups the caller sees whole. */
    public List<Day> days() {
        Set<UUID> groups = visibleGroups();
        if (groups.isEmpty()) {
            return List.of();
        }
        LocalDate from = LocalDate.now(clock.withZone(ZoneOffset.UTC)).minusDays(properties.trendDays() - 1L);
        Map<LocalDate, Day> days = new TreeMap<>();
        jdbc.query("select record_day, host_group_id, vms, unmanaged, missing, lease_expired, idle, orphaned_owner, old_snapshot, "
                + "overcommitted from sprawl_daily where record_day >= ? order by record_day", row -> {
                    if (!groups.contains(row.getObject(2, UUID.class))) {
                        return;
                    }
                    LocalDate day = row.getDate(1).toLocalDate();
                    Map<FindingKind, Integer> findings = new EnumMap<>(FindingKind.class);
                    FindingKind[] order = {FindingKind.UNMANAGED, FindingKind.MISSING, FindingKind.LEASE_EXPIRED,
                        FindingKind.IDLE, FindingKind.ORPHANED_OWNER, FindingKind.OLD_SNAPSHOT, FindingKind.OVERCOMMITTED};
                    for (int i = 0; i < order.length; i++) {
                        findings.put(order[i], row.getInt(4 + i));
                    }
                    days.merge(day, new Day(day, row.getInt(3), findings), SprawlTrend::add);
                }, Date.valueOf(from));
        return new ArrayList<>(days.values());
    }

    private static Day add(Day a, Day b) {
        Map<FindingKind, Integer> sum = new EnumMap<>(a.findings());
        b.findings().forEach((k, v) -> sum.merge(k, v, Integer::sum));
        return new Day(a.day(), a.vms() + b.vms(), sum);
    }

    /** Whether the caller sees any host group whole, so that the trend has something to count. */
    public boolean seesAnyHostGroup() {
        return !visibleGroups().isEmpty();
    }

    /** Host groups the caller sees whole: under a full grant of inventory.view, and not denied. */
    private Set<UUID> visibleGroups() {
        AccessPolicy.Visibility v = policy.visibility(Permission.INVENTORY_VIEW);
        Set<UUID> groups = new HashSet<>();
        for (HostGroupSummary group : tree.groups()) {
            if (v.hostGroup(group.id(), false)) {
                groups.add(group.id());
            }
        }
        return groups;
    }
}
