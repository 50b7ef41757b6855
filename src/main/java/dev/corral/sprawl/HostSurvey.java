package dev.corral.sprawl;

import dev.corral.engine.EngineException;
import dev.corral.engine.Engines;
import dev.corral.engine.HostConnection;
import dev.corral.engine.SnapshotInfo;
import dev.corral.engine.VmInfo;
import dev.corral.hosts.HostSummary;
import jakarta.annotation.PreDestroy;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * Asks every host what runs on it, a bounded number of hosts at a time: its VMs, and the snapshots
 * of those the inventory has. A host that does not answer (or not within the time limit) is
 * reported as such, never as empty.
 */
@Component
class HostSurvey {

    /** How long one host may take to answer before the scan goes on without it. */
    static final long HOST_TIMEOUT_SECONDS = 120;

    private final Engines engines;
    private final ExecutorService pool;

    HostSurvey(Engines engines, SprawlProperties properties) {
        this.engines = engines;
        AtomicInteger count = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(properties.scanThreads(), runnable -> {
            Thread thread = new Thread(runnable, "sprawl-scan-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Every host's report; {@code registered} are the inventory's VM ids, whose snapshots are read. */
    List<HostReport> survey(List<HostSummary> hosts, Set<UUID> registered) {
        Map<HostSummary, Future<HostReport>> pending = new HashMap<>();
        for (HostSummary host : hosts) {
            pending.put(host, pool.submit(() -> read(host, registered)));
        }
        List<HostReport> reports = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(HOST_TIMEOUT_SECONDS);
        pending.forEach((host, future) -> reports.add(await(host, future, deadline)));
        return reports;
    }

    private static HostReport await(HostSummary host, Future<HostReport> future, long deadline) {
        try {
            return future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            return HostReport.unanswered(host.id(), host.name(), "It did not answer within " + HOST_TIMEOUT_SECONDS + " s.");
        } catch (ExecutionException e) {
            return HostReport.unanswered(host.id(), host.name(), String.valueOf(e.getCause().getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return HostReport.unanswered(host.id(), host.name(), "The scan was interrupted.");
        }
    }

    private HostReport read(HostSummary host, Set<UUID> registered) {
        try {
            HostConnection connection = engines.connection(URI.create(host.uri()));
            List<VmInfo> vms = connection.listVms();
            Map<UUID, List<SnapshotInfo>> snapshots = new HashMap<>();
            for (VmInfo vm : vms) {
                if (registered.contains(vm.id())) {
                    snapshots.put(vm.id(), snapshotsOf(connection, vm.id()));
                }
            }
            return new HostReport(host.id(), host.name(), vms, snapshots, null);
        } catch (EngineException | IllegalArgumentException e) {
            return HostReport.unanswered(host.id(), host.name(), e.getMessage());
        }
    }

    /** A host without snapshots, or a VM gone meanwhile, has none to report. */
    private static List<SnapshotInfo> snapshotsOf(HostConnection connection, UUID vmId) {
        try {
            return connection.snapshots(vmId);
        } catch (EngineException.Unsupported | EngineException.NotFound e) {
            return List.of();
        }
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }
}
