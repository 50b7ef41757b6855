package dev.corral.vms;

import dev.corral.engine.EngineException;
import dev.corral.engine.Engines;
import dev.corral.engine.HostConnection;
import dev.corral.engine.IntegrationService;
import dev.corral.engine.LifecycleEvent;
import dev.corral.engine.VmInfo;
import dev.corral.engine.VmState;
import dev.corral.hosts.HostHealth;
import dev.corral.hosts.HostSummary;
import dev.corral.hosts.HostTree;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the VMs' runtime state in line with the hosts: each host's lifecycle events as they
 * come, and a full resync at start-up and every half minute to repair anything missed. It
 * writes runtime state only; differences in configuration are for sprawl tracking to report.
 */
@Component
@Order(30)
class Reconciler implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(Reconciler.class);

    private final HostTree tree;
    private final HostHealth health;
    private final Engines engines;
    private final VmRepository vms;
    private final VmRuntimeRepository runtime;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final VmAdapters adapters;
    /** The connection each host's events come from; a new connection (host registered again) is subscribed anew. */
    private final Map<URI, HostConnection> subscribed = new ConcurrentHashMap<>();

    private final dev.corral.cluster.ClusterNode node;
    private final int threads;

    Reconciler(HostTree tree, HostHealth health, Engines engines, VmRepository vms, VmRuntimeRepository runtime,
            TransactionTemplate transactions, ApplicationEventPublisher events, Clock clock, VmAdapters adapters,
            dev.corral.cluster.ClusterNode node,
            @org.springframework.beans.factory.annotation.Value("${corral.reconciler.threads:16}") int threads) {
        this.node = node;
        this.threads = threads;
        this.adapters = adapters;
        this.tree = tree;
        this.health = health;
        this.engines = engines;
        this.vms = vms;
        this.runtime = runtime;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        scheduled();
    }

    /**
     * The node running the scheduled work resyncs the fleet; the others listen to every host's
     * events (their own operations' and, on a shared hypervisor, everyone's) and are told the rest.
     */
    @Scheduled(fixedDelayString = "${corral.reconciler.interval:30s}", initialDelayString = "${corral.reconciler.interval:30s}")
    void scheduled() {
        if (node.leads()) {
            resyncAll();
        } else {
            listenToAll();
        }
    }

    /** Subscribes to the events of every host not listened to yet, reading nothing. */
    void listenToAll() {
        for (HostSummary host : tree.hosts()) {
            URI uri = URI.create(host.uri());
            try {
                HostConnection connection = engines.connection(uri);
                if (subscribed.put(uri, connection) != connection) {
                    connection.subscribe(this::onEvent);
                }
            } catch (RuntimeException e) {
                log.debug("Host {} cannot be listened to now: {}", host.name(), e.getMessage());
            }
        }
    }

    /**
     * Resyncs every host, {@code corral.reconciler.threads} at a time (hosts are independent, and
     * most of a resync is waiting for a host to answer); returns when all are done.
     */
    void resyncAll() {
        List<HostSummary> hosts = tree.hosts();
        int threads = Math.min(this.threads, hosts.size());
        if (threads <= 1) {
            hosts.forEach(this::resyncQuietly);
            return;
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads, r -> {
            Thread thread = new Thread(r, "corral-resync");
            thread.setDaemon(true);
            return thread;
        });
        try {
            pool.invokeAll(hosts.stream().map(host -> (java.util.concurrent.Callable<Void>) () -> {
                resyncQuietly(host);
                return null;
            }).toList());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            pool.shutdownNow();
        }
    }

    private void resyncQuietly(HostSummary host) {
        try {
            resync(host);
        } catch (RuntimeException e) {
            // One host's trouble must not stop the others, nor Corral's start-up.
            log.error("Resync of host {} failed", host.name(), e);
        }
    }

    /** Reads one host's VMs and records their state; a host that does not answer leaves its VMs Unknown. */
    void resync(HostSummary host) {
        URI uri = URI.create(host.uri());
        List<Vm> registered = vms.findByHostId(host.id());
        try {
            HostConnection connection = engines.connection(uri);
            if (subscribed.put(uri, connection) != connection) {
                connection.subscribe(this::onEvent);
            }
            java.time.Instant observedAt = clock.instant();
            Map<UUID, VmInfo> live = connection.listVms().stream().collect(Collectors.toMap(VmInfo::id, Function.identity()));
            health.answered(host.id());
            if (!health.knowsCapacity(host.id())) {
                health.capacity(host.id(), connection.facts());
            }
            Map<UUID, List<dev.corral.engine.VmSpec.NetworkAdapter>> reported = new java.util.HashMap<>();
            registered.stream().filter(vm -> live.containsKey(vm.id()))
                    .forEach(vm -> reported.put(vm.id(), live.get(vm.id()).spec().networkAdapters()));
            adapters.syncHost(host.id(), reported);
            List<Observation> observations = registered.stream().map(vm -> {
                VmInfo info = live.get(vm.id());
                return new Observation(vm.id(), vm.name(), info == null ? VmState.UNKNOWN : info.state(),
                        info == null ? null : heartbeat(info));
            }).toList();
            recordAll(observations, observedAt);
        } catch (EngineException e) {
            log.info("Host {} did not answer the resync: {}", host.name(), e.getMessage());
            health.failed(host.id(), e.getMessage());
            java.time.Instant failedAt = clock.instant();
            recordAll(registered.stream().map(vm -> new Observation(vm.id(), vm.name(), VmState.UNKNOWN, null)).toList(),
                    failedAt);
        }
    }

    /** What a host said of one VM. */
    private record Observation(UUID vmId, String name, VmState state, String heartbeat) {
    }

    /**
     * Records what a host said of all its VMs in one transaction (a resync of thousands of VMs is
     * then thousands of row updates, not thousands of transactions); if an event or a deletion
     * raced with it, each VM is recorded on its own instead.
     */
    private void recordAll(List<Observation> observations, java.time.Instant observedAt) {
        if (observations.isEmpty()) {
            return;
        }
        List<VmStateChanged> changed;
        try {
            changed = transactions.execute(status -> {
                Map<UUID, VmRuntime> rows = runtime.findAllById(observations.stream().map(Observation::vmId).toList()).stream()
                        .collect(Collectors.toMap(VmRuntime::vmId, Function.identity()));
                List<VmStateChanged> changes = new java.util.ArrayList<>();
                for (Observation o : observations) {
                    VmRuntime row = rows.get(o.vmId());
                    if (row == null) {
                        runtime.save(new VmRuntime(o.vmId(), o.state(), o.heartbeat(), observedAt));
                        changes.add(new VmStateChanged(o.vmId(), o.name(), o.state()));
                    } else if (row.update(o.state(), o.heartbeat(), observedAt)) {
                        changes.add(new VmStateChanged(o.vmId(), o.name(), o.state()));
                    }
                }
                return changes;
            });
        } catch (org.springframework.dao.DataIntegrityViolationException
                | org.springframework.orm.ObjectOptimisticLockingFailureException raced) {
            observations.forEach(o -> record(o.vmId(), o.name(), o.state(), o.heartbeat(), observedAt));
            return;
        }
        changed.forEach(events::publishEvent);
    }

    private void onEvent(LifecycleEvent event) {
        // After a quick migration the old host reports the VM gone; only its registered host speaks for it.
        vms.findById(event.vmId()).filter(vm -> tree.host(vm.hostId()).map(h -> URI.create(h.uri()).equals(event.host())).orElse(false))
                .ifPresent(vm -> record(vm.id(), vm.name(), event.state() == null ? VmState.UNKNOWN : event.state(), null));
    }

    void record(UUID vmId, String name, VmState state, String heartbeat) {
        record(vmId, name, state, heartbeat, clock.instant());
    }

    /** Records what a host said at {@code observedAt}, unless something newer is recorded already. */
    private void record(UUID vmId, String name, VmState state, String heartbeat, java.time.Instant observedAt) {
        Boolean changed;
        try {
            changed = write(vmId, state, heartbeat, observedAt);
        } catch (org.springframework.dao.DataIntegrityViolationException inserted) {
            changed = write(vmId, state, heartbeat, observedAt); // an event inserted the row meanwhile
        } catch (org.springframework.orm.ObjectOptimisticLockingFailureException removed) {
            return; // the VM was deleted or forgotten meanwhile: there is nothing left to record
        }
        if (Boolean.TRUE.equals(changed)) {
            events.publishEvent(new VmStateChanged(vmId, name, state));
        }
    }

    private Boolean write(UUID vmId, VmState state, String heartbeat, java.time.Instant observedAt) {
        return transactions.execute(status -> runtime.findById(vmId)
                .map(row -> row.update(state, heartbeat, observedAt))
                .orElseGet(() -> {
                    runtime.saveAndFlush(new VmRuntime(vmId, state, heartbeat, observedAt));
                    return true;
                }));
    }

    private static String heartbeat(VmInfo info) {
        return info.integration().stream().filter(s -> s.service() == IntegrationService.HEARTBEAT).findFirst()
                .map(s -> s.status().name()).orElse(null);
    }
}
