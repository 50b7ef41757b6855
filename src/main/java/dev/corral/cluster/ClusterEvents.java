package dev.corral.cluster;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Tells the other nodes' open views what happened here (a VM's state changed), through a table
 * each node reads every {@code corral.cluster.event-poll} while there are other nodes. A node
 * alone writes and reads nothing.
 */
@Component
public class ClusterEvents implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(ClusterEvents.class);

    /** What a node told the others. */
    public record Event(String kind, UUID subject, String detail) {
    }

    private final JdbcTemplate jdbc;
    private final ClusterNode node;
    private final ClusterProperties properties;
    private final Map<String, List<Consumer<Event>>> listeners = new ConcurrentHashMap<>();
    private final ScheduledExecutorService poll = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "corral-cluster-events");
        thread.setDaemon(true);
        return thread;
    });
    private static final int LOOK_BACK = 64;
    private volatile long seen = -1;
    /** The events delivered lately, so that reading a little behind the mark delivers none twice. */
    private final java.util.SequencedSet<Long> delivered = new java.util.LinkedHashSet<>();

    ClusterEvents(JdbcTemplate jdbc, ClusterNode node, ClusterProperties properties) {
        this.jdbc = jdbc;
        this.node = node;
        this.properties = properties;
    }

    /** Tells the other nodes, if there are any. */
    public void tell(String kind, UUID subject, String detail) {
        if (!node.clustered()) {
            return;
        }
        try {
            jdbc.update("INSERT INTO cluster_event (node_name, kind, subject, detail, created_at) VALUES (?, ?, ?, ?, ?)",
                    node.name(), kind, subject, detail, ClusterNode.utc(Instant.now()));
        } catch (RuntimeException e) {
            // The others' views then catch up at the next full resync.
            log.debug("Could not tell the other nodes about {} {}: {}", kind, subject, e.getMessage());
        }
    }

    /** Hears what the other nodes tell of that kind. */
    public void hear(String kind, Consumer<Event> listener) {
        listeners.computeIfAbsent(kind, k -> new CopyOnWriteArrayList<>()).add(listener);
    }

    @Override
    public void afterSingletonsInstantiated() {
        seen = jdbc.queryForObject("SELECT COALESCE(MAX(seq), 0) FROM cluster_event", Long.class);
        long every = properties.eventPoll().toMillis();
        poll.scheduleWithFixedDelay(this::read, every, every, TimeUnit.MILLISECONDS);
    }

    void read() {
        if (!node.clustered()) {
            return;
        }
        try {
            // A little behind the mark: an event numbered earlier may be committed after a later one.
            jdbc.query("SELECT seq, kind, subject, detail FROM cluster_event WHERE seq > ? AND node_name <> ? ORDER BY seq",
                    rs -> {
                        long seq = rs.getLong("seq");
                        if (!delivered.add(seq)) {
                            return;
                        }
                        seen = Math.max(seen, seq);
                        Event event = new Event(rs.getString("kind"), rs.getObject("subject", UUID.class), rs.getString("detail"));
                        listeners.getOrDefault(event.kind(), List.of()).forEach(l -> deliver(l, event));
                    }, seen - LOOK_BACK, node.name());
            while (delivered.size() > 4 * LOOK_BACK) {
                delivered.remove(delivered.getFirst());
            }
        } catch (RuntimeException e) {
            log.debug("Reading the other nodes' events failed: {}", e.getMessage());
        }
    }

    private static void deliver(Consumer<Event> listener, Event event) {
        try {
            listener.accept(event);
        } catch (RuntimeException e) {
            log.warn("A listener failed on {} {}", event.kind(), event.subject(), e);
        }
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        poll.shutdownNow();
    }
}
