package dev.corral.sprawl;

import dev.corral.access.DirectoryAccounts;
import dev.corral.hosts.HostAllocation;
import dev.corral.hosts.HostHealth;
import dev.corral.hosts.HostSummary;
import dev.corral.hosts.HostTree;
import dev.corral.vms.VmInventory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The sprawl scan: asks every host what runs on it, reads the inventory in one query and the
 * directory for the owners, applies the rules, records the findings and the day's counts, and takes
 * the action of leases that have ended. One scan at a time on a node; it runs on a schedule and on
 * demand, as Corral itself (no caller).
 */
@Service
class SprawlScan {

    private static final Logger log = LoggerFactory.getLogger(SprawlScan.class);

    private final HostTree tree;
    private final HostHealth health;
    private final HostAllocation allocation;
    private final VmInventory inventory;
    private final DirectoryAccounts accounts;
    private final HostSurvey survey;
    private final FindingStore store;
    private final SprawlTrend trend;
    private final LeaseExpiry leases;
    private final SprawlProperties properties;
    private final Clock clock;
    private final ReentrantLock running = new ReentrantLock();
    private volatile ScanReport last;

    SprawlScan(HostTree tree, HostHealth health, HostAllocation allocation, VmInventory inventory,
            DirectoryAccounts accounts, HostSurvey survey, FindingStore store, SprawlTrend trend, LeaseExpiry leases,
            SprawlProperties properties, Clock clock) {
        this.tree = tree;
        this.health = health;
        this.allocation = allocation;
        this.inventory = inventory;
        this.accounts = accounts;
        this.survey = survey;
        this.store = store;
        this.trend = trend;
        this.leases = leases;
        this.properties = properties;
        this.clock = clock;
    }

    /** The last scan this node ran, if any. */
    java.util.Optional<ScanReport> last() {
        return java.util.Optional.ofNullable(last);
    }

    /** Runs a scan now; a scan already under way is waited for first. */
    ScanReport run() {
        running.lock();
        try {
            last = scan();
            return last;
        } finally {
            running.unlock();
        }
    }

    private ScanReport scan() {
        long began = System.nanoTime();
        Instant start = clock.instant();
        List<HostSummary> hosts = tree.hosts();
        List<VmInventory.Entry> vms = inventory.all();
        Set<UUID> registered = vms.stream().map(VmInventory.Entry::id).collect(Collectors.toSet());
        List<HostReport> reports = survey.survey(hosts, registered);
        Instant now = clock.instant();
        SprawlRules rules = new SprawlRules(properties, now);
        Set<FindingKind> evaluated = EnumSet.allOf(FindingKind.class);
        List<String> notes = new ArrayList<>();
        List<Observation> observed = new ArrayList<>();
        observed.addAll(rules.reconcile(vms, reports));
        observed.addAll(rules.expiredLeases(vms));
        observed.addAll(rules.idle(vms));
        observed.addAll(rules.oldSnapshots(vms, reports));
        Map<UUID, String> names = new HashMap<>();
        hosts.forEach(h -> names.put(h.id(), h.name()));
        observed.addAll(rules.overcommitted(names, health.capacities(), allocation.all()));
        try {
            Set<String> owners = new HashSet<>();
            vms.forEach(vm -> owners.add(vm.owner()));
            owners.remove(null);
            observed.addAll(rules.orphanedOwners(vms, accounts.statusOf(owners)));
        } catch (RuntimeException e) {
            evaluated.remove(FindingKind.ORPHANED_OWNER);
            notes.add("Owners were not checked: " + e.getMessage());
            log.warn("Sprawl scan: owners not checked: {}", e.getMessage());
        }
        Set<UUID> unanswered = reports.stream().filter(r -> !r.answered()).map(HostReport::hostId).collect(Collectors.toSet());
        FindingStore.Applied applied = store.apply(observed, evaluated, unanswered, start, now);
        int leaseActions = leases.act(applied.pendingLeases(), now);
        recordDay(now, hosts, vms);
        List<ScanReport.Unanswered> silent = reports.stream().filter(r -> !r.answered())
                .map(r -> new ScanReport.Unanswered(r.hostId(), r.hostName(), r.problem())).toList();
        Duration took = Duration.ofNanos(System.nanoTime() - began);
        ScanReport report = new ScanReport(start, took.toMillis(), hosts.size(), hosts.size() - silent.size(), silent,
                vms.size(), observed.size(), applied.opened() + applied.reopened(), applied.resolved(), leaseActions, notes);
        log.info("Sprawl scan: {} hosts ({} did not answer), {} VMs, {} findings ({} new, {} resolved), {} lease actions, "
                + "{} ms", report.hosts(), silent.size(), report.vms(), report.found(), report.opened(), report.resolved(),
                leaseActions, report.millis());
        return report;
    }

    /** The day's counts per host group: the VMs registered there and the findings open now. */
    private void recordDay(Instant now, List<HostSummary> hosts, List<VmInventory.Entry> vms) {
        Map<UUID, UUID> groupOf = new HashMap<>();
        hosts.forEach(h -> groupOf.put(h.id(), h.hostGroupId()));
        Map<UUID, Integer> vmsPerGroup = new HashMap<>();
        vms.forEach(vm -> {
            UUID group = groupOf.get(vm.hostId());
            if (group != null) {
                vmsPerGroup.merge(group, 1, Integer::sum);
            }
        });
        Map<UUID, Map<FindingKind, Integer>> findings = new HashMap<>();
        store.openByKindAndHost().forEach((kind, perHost) -> perHost.forEach((host, count) -> {
            UUID group = groupOf.get(host);
            if (group != null) {
                findings.computeIfAbsent(group, g -> new EnumMap<>(FindingKind.class)).merge(kind, count, Integer::sum);
            }
        }));
        Map<UUID, SprawlTrend.GroupCounts> groups = new HashMap<>();
        tree.groups().forEach(g -> groups.put(g.id(), new SprawlTrend.GroupCounts(vmsPerGroup.getOrDefault(g.id(), 0),
                findings.getOrDefault(g.id(), Map.of()))));
        trend.record(LocalDate.ofInstant(now, ZoneOffset.UTC), groups, now);
    }
}
