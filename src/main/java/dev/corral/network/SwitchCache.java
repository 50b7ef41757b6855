package dev.corral.network;

import dev.corral.engine.EngineException;
import dev.corral.engine.Engines;
import dev.corral.engine.HostCapabilities;
import dev.corral.engine.HostConnection;
import dev.corral.engine.HostFacts;
import dev.corral.engine.VirtualSwitch;
import dev.corral.hosts.HostSummary;
import dev.corral.hosts.HostTree;
import java.net.URI;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The hosts' virtual switches and physical adapters as Corral last read them, so that the switch
 * list and the VLAN map are answered by the database instead of by every host. A host is read
 * (and its rows rewritten) when Corral changes one of its switches, whenever the network feature
 * reads it anyway (one switch, a change, Read from hosts), the first time it is listed,
 * at start-up, and every {@code corral.network.refresh-interval} (5 minutes) in the background.
 * A host that does not answer keeps its last rows, marked with why.
 */
@Component
@Order(40)
class SwitchCache implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SwitchCache.class);

    private final Engines engines;
    private final HostTree tree;
    private final HostNetworkRepository networks;
    private final SwitchRecordRepository switches;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Map<UUID, ReentrantLock> locks = new ConcurrentHashMap<>();

    private final dev.corral.cluster.ClusterNode node;
    private final int threads;

    SwitchCache(Engines engines, HostTree tree, HostNetworkRepository networks, SwitchRecordRepository switches,
            TransactionTemplate transactions, Clock clock, dev.corral.cluster.ClusterNode node,
            @org.springframework.beans.factory.annotation.Value("${corral.reconciler.threads:16}") int threads) {
        this.node = node;
        this.threads = threads;
        this.engines = engines;
        this.tree = tree;
        this.networks = networks;
        this.switches = switches;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** What a host answered when read, or why it did not. */
    record Reading(List<VirtualSwitch> switches, HostFacts facts, HostCapabilities capabilities, String problem) {

        boolean answered() {
            return problem == null;
        }

        /** The switch of that name (regardless of case), if the host has one. */
        java.util.Optional<VirtualSwitch> find(String name) {
            return switches.stream().filter(s -> s.name().equalsIgnoreCase(name)).findFirst();
        }
    }

    @Override
    public void run(ApplicationArguments args) {
        scheduled();
    }

    /** Only the node running the scheduled work reads every host; any node reads a host when it needs it. */
    @Scheduled(fixedDelayString = "${corral.network.refresh-interval:5m}",
            initialDelayString = "${corral.network.refresh-interval:5m}")
    void scheduled() {
        if (node.leads()) {
            refreshAll();
        }
    }

    /** Reads every host's switches, {@code corral.reconciler.threads} hosts at a time. */
    void refreshAll() {
        List<HostSummary> hosts = tree.hosts();
        int threads = Math.min(this.threads, hosts.size());
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(Math.max(1, threads),
                r -> {
                    Thread thread = new Thread(r, "corral-switch-read");
                    thread.setDaemon(true);
                    return thread;
                });
        try {
            pool.invokeAll(hosts.stream().map(host -> (java.util.concurrent.Callable<Void>) () -> {
                try {
                    read(host);
                } catch (RuntimeException e) {
                    // One host's trouble must not stop the others, nor Corral's start-up.
                    log.error("Reading the switches of host {} failed", host.name(), e);
                }
                return null;
            }).toList());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            pool.shutdownNow();
        }
    }

    /** Reads the host's switches, adapters and capabilities now and records them; one read per host at a time. */
    Reading read(HostSummary host) {
        ReentrantLock lock = locks.computeIfAbsent(host.id(), id -> new ReentrantLock());
        lock.lock();
        try {
            HostConnection connection = engines.connection(URI.create(host.uri()));
            List<VirtualSwitch> read = connection.switches();
            HostFacts facts = connection.facts();
            HostCapabilities capabilities = connection.capabilities();
            record(host, read, facts.adapters());
            return new Reading(read, facts, capabilities, null);
        } catch (EngineException e) {
            log.info("Host {} did not answer a read of its switches: {}", host.name(), e.getMessage());
            recordProblem(host.id(), e.getMessage());
            return new Reading(List.of(), null, null, e.getMessage());
        } finally {
            lock.unlock();
        }
    }

    /** Reads the hosts that have never been read, so that a host just registered shows its switches at once. */
    void readUnknown(Collection<HostSummary> hosts) {
        if (hosts.isEmpty()) {
            return;
        }
        Set<UUID> known = networks.findAllById(hosts.stream().map(HostSummary::id).toList()).stream()
                .map(HostNetwork::hostId).collect(Collectors.toSet());
        hosts.stream().filter(h -> !known.contains(h.id())).forEach(this::read);
    }

    private void record(HostSummary host, List<VirtualSwitch> read, List<HostFacts.PhysicalAdapter> adapters) {
        try {
            transactions.executeWithoutResult(status -> {
                HostNetwork network = networks.findById(host.id()).orElseGet(() -> networks.save(new HostNetwork(host.id())));
                network.answered(adapters, clock.instant());
                Map<UUID, SwitchRecord> existing = new HashMap<>();
                switches.findByHostId(host.id()).forEach(s -> existing.put(s.id(), s));
                Set<UUID> seen = new HashSet<>();
                for (VirtualSwitch s : read) {
                    UUID id = SwitchRecord.idOf(host.id(), s.name());
                    if (!seen.add(id)) {
                        log.warn("Host {} has two switches named {} (in different case); Corral shows the first", host.name(),
                                s.name());
                        continue;
                    }
                    SwitchRecord known = existing.remove(id);
                    if (known == null) {
                        switches.save(new SwitchRecord(host.id(), s));
                    } else {
                        known.update(s);
                    }
                }
                switches.deleteAll(existing.values());
            });
        } catch (DataIntegrityViolationException removed) {
            // The host was removed from the inventory meanwhile; there is nothing left to record.
            log.debug("Host {} went away while its switches were recorded", host.name());
        }
    }

    private void recordProblem(UUID hostId, String problem) {
        try {
            transactions.executeWithoutResult(status -> networks.findById(hostId)
                    .orElseGet(() -> networks.save(new HostNetwork(hostId))).failed(problem));
        } catch (DataIntegrityViolationException removed) {
            log.debug("Host {} went away while its read problem was recorded", hostId);
        }
    }
}
