package dev.corral.cluster;

import jakarta.annotation.PreDestroy;
import java.net.InetAddress;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * This Corral node among those sharing the database. It registers under its name before the
 * console and the API take requests, then beats a heartbeat on a thread of its own. The node
 * holding the scheduler lease runs the scheduled work and finds lost nodes: those whose heartbeat
 * is older than the node timeout, or that hold something without being registered at all. What a
 * lost node held is released by its holders ({@link NodeBound}); what this node held before a
 * restart under the same name is released when it registers. Times are the database's, so nodes
 * whose clocks differ still agree on who is alive.
 */
@Component
public class ClusterNode implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(ClusterNode.class);
    private static final String SCHEDULER = "scheduler";

    private final JdbcTemplate jdbc;
    private final ClusterProperties properties;
    private final ObjectProvider<NodeBound> holders;
    private final String name;
    private final UUID incarnation = UUID.randomUUID();
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "corral-heartbeat");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean leads;
    private volatile int nodes = 1;

    ClusterNode(JdbcTemplate jdbc, ClusterProperties properties, ObjectProvider<NodeBound> holders) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.holders = holders;
        this.name = properties.nodeName() == null || properties.nodeName().isBlank() ? machineName()
                : properties.nodeName().strip();
    }

    private static String machineName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "corral";
        }
    }

    /** This node's name, recorded on the jobs it runs and the admissions it holds. */
    public String name() {
        return name;
    }

    /** Whether this node runs the scheduled work (full resync, switch reads, sprawl scan) now. */
    public boolean leads() {
        return leads;
    }

    /** Whether other nodes were alive at the last heartbeat. */
    public boolean clustered() {
        return nodes > 1;
    }

    /** The database's clock. */
    public Instant databaseTime() {
        return jdbc.queryForObject("SELECT CURRENT_TIMESTAMP", OffsetDateTime.class).toInstant();
    }

    @Override
    public void afterSingletonsInstantiated() {
        register();
        long every = properties.heartbeatInterval().toMillis();
        heartbeat.scheduleWithFixedDelay(this::beat, every, every, TimeUnit.MILLISECONDS);
    }

    private void register() {
        Instant now = databaseTime();
        List<Instant> previous = jdbc.queryForList("SELECT heartbeat_at FROM cluster_node WHERE name = ?", OffsetDateTime.class,
                name).stream().map(OffsetDateTime::toInstant).toList();
        if (!previous.isEmpty() && previous.getFirst().isAfter(now.minus(properties.nodeTimeout()))) {
            log.warn("A node named {} beat its heartbeat {} s ago. If that was not this node before a restart, give each node "
                    + "its own corral.cluster.node-name: nodes sharing a name release each other's jobs.", name,
                    java.time.Duration.between(previous.getFirst(), now).toSeconds());
        }
        if (jdbc.update("UPDATE cluster_node SET incarnation = ?, started_at = ?, heartbeat_at = ? WHERE name = ?", incarnation,
                utc(now), utc(now), name) == 0) {
            jdbc.update("INSERT INTO cluster_node (name, incarnation, started_at, heartbeat_at) VALUES (?, ?, ?, ?)", name,
                    incarnation, utc(now), utc(now));
        }
        for (NodeBound holder : holders) {
            holder.release(name, true);
        }
        log.info("Corral node {} registered", name);
        beat();
    }

    /** Says this node is alive, renews or takes the scheduler lease, and (leading) finds lost nodes. */
    void beat() {
        try {
            Instant now = databaseTime();
            if (jdbc.update("UPDATE cluster_node SET heartbeat_at = ? WHERE name = ? AND incarnation = ?", utc(now), name,
                    incarnation) == 0) {
                log.warn("Node {} was taken for lost (its heartbeat was late, or another node took its name); registering again",
                        name);
                if (jdbc.update("UPDATE cluster_node SET incarnation = ?, heartbeat_at = ? WHERE name = ?", incarnation, utc(now),
                        name) == 0) {
                    jdbc.update("INSERT INTO cluster_node (name, incarnation, started_at, heartbeat_at) VALUES (?, ?, ?, ?)",
                            name, incarnation, utc(now), utc(now));
                }
            }
            Instant cutoff = now.minus(properties.nodeTimeout());
            boolean leading = jdbc.update("UPDATE cluster_lease SET holder = ?, expires_at = ? WHERE name = ? AND (holder = ? "
                    + "OR holder IS NULL OR expires_at IS NULL OR expires_at < ?)", name, utc(now.plus(properties.nodeTimeout())),
                    SCHEDULER, name, utc(now)) == 1;
            if (leading != leads) {
                log.info(leading ? "Node {} now runs the scheduled work" : "Node {} no longer runs the scheduled work", name);
            }
            leads = leading;
            Set<String> alive = new HashSet<>(jdbc.queryForList("SELECT name FROM cluster_node WHERE heartbeat_at >= ?",
                    String.class, utc(cutoff)));
            alive.add(name);
            nodes = alive.size();
            if (leading) {
                sweep(alive, cutoff);
            }
        } catch (RuntimeException e) {
            // The database may be briefly unreachable; the next beat tries again.
            log.warn("Heartbeat of node {} failed: {}", name, e.getMessage());
        }
    }

    private void sweep(Set<String> alive, Instant cutoff) {
        int lost = jdbc.update("DELETE FROM cluster_node WHERE heartbeat_at < ? AND name <> ?", utc(cutoff), name);
        if (lost > 0) {
            log.warn("{} Corral node(s) stopped beating their heartbeat; releasing what they held", lost);
        }
        jdbc.update("DELETE FROM cluster_event WHERE created_at < ?", utc(cutoff));
        for (NodeBound holder : holders) {
            for (String node : holder.holders()) {
                if (!alive.contains(node)) {
                    log.warn("Releasing what lost node {} held ({})", node, holder.getClass().getSimpleName());
                    holder.release(node, false);
                }
            }
        }
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    @PreDestroy
    void leave() {
        heartbeat.shutdownNow();
        try {
            jdbc.update("UPDATE cluster_lease SET holder = NULL, expires_at = NULL WHERE holder = ?", name);
            jdbc.update("DELETE FROM cluster_node WHERE name = ? AND incarnation = ?", name, incarnation);
        } catch (RuntimeException e) {
            log.debug("Could not sign node {} off: {}", name, e.getMessage());
        }
    }
}
