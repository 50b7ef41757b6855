package dev.corral.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corral.engine.VmState;
import dev.corral.support.CorralIntegrationTest;
import dev.corral.support.DemoFleet;
import dev.corral.vms.VmEvents;
import dev.corral.vms.VmStateChanged;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * With another node alive on the database, VM state changes learnt here are written for it, and
 * those it writes reach this node's open views; alone, a node writes none.
 */
@CorralIntegrationTest
class ClusterEventsIT {

    private static final String OTHER = "other-node";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ClusterNode node;

    @Autowired
    ClusterEvents events;

    @Autowired
    VmEvents views;

    @Autowired
    ApplicationEventPublisher publisher;

    @BeforeEach
    void anotherNodeJoins() {
        jdbc.update("INSERT INTO cluster_node (name, incarnation, started_at, heartbeat_at) VALUES (?, ?, ?, ?)", OTHER,
                UUID.randomUUID(), Instant.now().atOffset(ZoneOffset.UTC), node.databaseTime().atOffset(ZoneOffset.UTC));
        node.beat();
    }

    @AfterEach
    void theOtherNodeLeaves() {
        jdbc.update("DELETE FROM cluster_node WHERE name = ?", OTHER);
        node.beat();
    }

    @Test
    void aStateChangeToldByAnotherNodeReachesTheOpenViewsHere() throws Exception {
        UUID vm = DemoFleet.vm("br-hv02/br-app01");
        List<Object> seen = new CopyOnWriteArrayList<>();
        Runnable stop = views.listen(seen::add);
        try {
            jdbc.update("INSERT INTO cluster_event (node_name, kind, subject, detail, created_at) VALUES (?, ?, ?, ?, ?)", OTHER,
                    "vm-state", vm, "PAUSED br-app01", Instant.now().atOffset(ZoneOffset.UTC));

            Instant deadline = Instant.now().plusSeconds(5);
            while (seen.stream().noneMatch(e -> e instanceof VmStateChanged c && c.vmId().equals(vm)) && Instant.now().isBefore(deadline)) {
                Thread.sleep(20);
            }
            assertThat(seen).contains(new VmStateChanged(vm, "br-app01", VmState.PAUSED));
        } finally {
            stop.run();
        }
    }

    @Test
    void aStateChangeLearntHereIsWrittenForTheOtherNodeAndNotReadBack() throws Exception {
        UUID vm = UUID.randomUUID();
        List<Object> seen = new CopyOnWriteArrayList<>();
        Runnable stop = views.listen(seen::add);
        try {
            publisher.publishEvent(new VmStateChanged(vm, "relay-test", VmState.RUNNING));

            assertThat(jdbc.queryForList("SELECT node_name FROM cluster_event WHERE subject = ?", String.class, vm))
                    .containsExactly(node.name());
            Thread.sleep(1_500); // three reads of the table: this node does not hear its own event again
            assertThat(seen.stream().filter(e -> e instanceof VmStateChanged c && c.vmId().equals(vm))).hasSize(1);
        } finally {
            stop.run();
        }
    }

    @Test
    void aNodeAloneWritesNoEvents() {
        jdbc.update("DELETE FROM cluster_node WHERE name = ?", OTHER);
        node.beat();
        UUID vm = UUID.randomUUID();

        publisher.publishEvent(new VmStateChanged(vm, "alone", VmState.OFF));

        assertThat(node.clustered()).isFalse();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cluster_event WHERE subject = ?", Integer.class, vm)).isZero();
    }
}
