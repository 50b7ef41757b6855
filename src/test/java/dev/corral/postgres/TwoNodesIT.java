package dev.corral.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.corral.support.ApiClient;
import dev.corral.support.ApiClient.Response;
import dev.corral.support.CorralProcess;
import dev.corral.support.DemoFleet;
import dev.corral.support.PostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * Two Corral nodes, each its own JVM, on one PostgreSQL database and one set of (simulated)
 * hosts, as behind a load balancer: what must be decided once is decided once across both
 * (one operation per VM, a self-service quota, a host's last Windows right), either node sees
 * what the other did, one node runs the scheduled work, and a node that dies has its jobs
 * marked interrupted by the other, which takes over the scheduled work if it was the one.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesIT {

    private static final UUID BR_HV01 = DemoFleet.host("br-hv01");
    private static final UUID BR_HV02 = DemoFleet.host("br-hv02");
    private static final UUID BR_FILE01 = DemoFleet.vm("br-hv01/br-file01");
    private static final UUID BR_PRINT01 = DemoFleet.vm("br-hv01/br-print01");

    private static PostgresServer server;
    private static Path data;
    private static CorralProcess nodeA;
    private static CorralProcess nodeB;
    private static ApiClient a;
    private static ApiClient b;

    @BeforeAll
    static void startTwoNodes() throws Exception {
        assumeTrue(PostgresServer.unavailable() == null, PostgresServer.unavailable());
        server = PostgresServer.start();
        data = Files.createTempDirectory("corral-two-nodes");
        nodeA = node("node-a", "300ms");
        nodeA.start(Duration.ofSeconds(120));
        // Node B's operations are slow, so that one can still be running when B is killed.
        nodeB = node("node-b", "3s");
        nodeB.start(Duration.ofSeconds(120));
        a = new ApiClient(nodeA.port());
        b = new ApiClient(nodeB.port());
    }

    private static CorralProcess node(String name, String operationDelay) throws Exception {
        return CorralProcess.onPostgres(data, server, "--corral.cluster.node-name=" + name,
                "--corral.cluster.heartbeat-interval=500ms", "--corral.cluster.node-timeout=4s",
                "--corral.simulator.shared=true", "--corral.simulator.operation-delay=" + operationDelay,
                "--corral.reconciler.interval=2s");
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable closing : new AutoCloseable[] {nodeA, nodeB, server}) {
            if (closing != null) {
                closing.close();
            }
        }
    }

    @Test
    @Order(1)
    void bothNodesAreRegisteredAndOneRunsTheScheduledWork() throws Exception {
        assertThat(query("SELECT name FROM cluster_node ORDER BY name")).containsExactly("node-a", "node-b");
        assertThat(query("SELECT holder FROM cluster_lease WHERE name = 'scheduler'")).containsExactly("node-a");
        assertThat(a.get("/api/v1/vms?size=1", "admin", "demo").json().get("totalElements").asLong())
                .isEqualTo(b.get("/api/v1/vms?size=1", "admin", "demo").json().get("totalElements").asLong());
    }

    @Test
    @Order(2)
    void aVmStartedThroughOneNodeIsStoppedThroughTheOther() throws Exception {
        UUID vm = DemoFleet.vm("br-hv02/br-app01");
        String before = state(a, vm);
        if (!before.equals("OFF")) {
            finish(a, a.post("/api/v1/vms/" + vm + "/actions/turn-off", "admin", "demo", "{}"));
        }
        assertThat(finish(a, a.post("/api/v1/vms/" + vm + "/actions/start", "admin", "demo", "{}"))).isEqualTo("SUCCEEDED");
        awaitState(b, vm, "RUNNING");

        assertThat(finish(b, b.post("/api/v1/vms/" + vm + "/actions/turn-off", "admin", "demo", "{}"))).isEqualTo("SUCCEEDED");
        awaitState(a, vm, "OFF");
    }

    @Test
    @Order(3)
    void oneOperationPerVmAcrossBothNodes() throws Exception {
        UUID vm = DemoFleet.vm("br-hv02/br-app01");
        List<Response> answers = together(
                () -> a.post("/api/v1/vms/" + vm + "/actions/start", "admin", "demo", "{}"),
                () -> b.post("/api/v1/vms/" + vm + "/actions/start", "admin", "demo", "{}"));

        assertThat(answers).extracting(Response::status).containsExactlyInAnyOrder(202, 409);
        Response won = answers.stream().filter(r -> r.status() == 202).findFirst().orElseThrow();
        Response busy = answers.stream().filter(r -> r.status() == 409).findFirst().orElseThrow();
        assertThat(busy.contentType()).startsWith("application/problem+json");
        assertThat(busy.json().get("detail").asString()).contains("is busy");
        assertThat(finish(won == answers.get(0) ? a : b, won)).isEqualTo("SUCCEEDED");
        finish(a, a.post("/api/v1/vms/" + vm + "/actions/turn-off", "admin", "demo", "{}"));
    }

    @Test
    @Order(4)
    void aSelfServiceQuotaHoldsAcrossBothNodes() throws Exception {
        // dev may own 3 VMs on Branch (config/access/roles.yml's demo assignment).
        long owned = a.get("/api/v1/vms?owner=dev&size=1", "admin", "demo").json().get("totalElements").asLong();
        long room = 3 - owned;
        assertThat(room).isPositive();
        List<java.util.concurrent.Callable<Response>> creations = new ArrayList<>();
        for (int i = 0; i < room + 3; i++) {
            ApiClient node = i % 2 == 0 ? a : b;
            String body = "{\"hostId\":\"" + BR_HV02 + "\",\"name\":\"quota-" + i + "\",\"vcpus\":1,\"memoryMiB\":256}";
            creations.add(() -> node.post("/api/v1/vms", "dev", "demo", body));
        }
        List<Response> answers = together(creations.toArray(java.util.concurrent.Callable[]::new));

        assertThat(answers.stream().filter(r -> r.status() == 202).count()).as(answers.toString()).isEqualTo(room);
        assertThat(answers.stream().filter(r -> r.status() == 422).count()).as(answers.toString()).isEqualTo(3);
        answers.stream().filter(r -> r.status() == 422)
                .forEach(r -> assertThat(r.json().get("detail").asString()).contains("exceeds your quota"));
        for (Response created : answers) {
            if (created.status() == 202) {
                assertThat(finish(a, created)).isEqualTo("SUCCEEDED");
            }
        }
        assertThat(a.get("/api/v1/vms?owner=dev&size=1", "admin", "demo").json().get("totalElements").asLong()).isEqualTo(3);
        assertThat(query("SELECT COUNT(*) FROM quota_hold")).containsExactly("0");
    }

    @Test
    @Order(5)
    void twoNodesRacingForAHostsLastWindowsRightGiveOneStartAndOneRefusal() throws Exception {
        // br-hv01 runs Windows Server 2008 Standard: one running Windows VM; enforced by default.
        if (!state(a, BR_FILE01).equals("OFF")) {
            assertThat(finish(a, a.post("/api/v1/vms/" + BR_FILE01 + "/actions/turn-off", "admin", "demo", "{}")))
                    .isEqualTo("SUCCEEDED");
        }
        Response created = a.post("/api/v1/vms", "admin", "demo", "{\"hostId\":\"" + BR_HV01
                + "\",\"name\":\"two-nodes-win\",\"vcpus\":1,\"memoryMiB\":512,\"guestFamily\":\"WINDOWS\"}");
        assertThat(finish(a, created)).isEqualTo("SUCCEEDED");
        UUID second = UUID.fromString(a.get("/api/v1/vms?q=two-nodes-win", "admin", "demo").json().get("items").get(0)
                .get("id").asString());

        List<Response> answers = together(
                () -> a.post("/api/v1/vms/" + BR_PRINT01 + "/actions/start", "admin", "demo", "{}"),
                () -> b.post("/api/v1/vms/" + second + "/actions/start", "admin", "demo", "{}"));

        assertThat(answers).extracting(Response::status).as(answers.toString()).containsExactlyInAnyOrder(202, 422);
        Response refused = answers.stream().filter(r -> r.status() == 422).findFirst().orElseThrow();
        assertThat(refused.json().get("detail").asString()).contains("which allows 1 running Windows VM");
        Response won = answers.stream().filter(r -> r.status() == 202).findFirst().orElseThrow();
        assertThat(finish(won == answers.get(0) ? a : b, won)).isEqualTo("SUCCEEDED");
        assertThat(query("SELECT COUNT(*) FROM rights_hold")).containsExactly("0");
    }

    @Test
    @Order(6)
    void aKilledNodesRunningJobIsMarkedInterruptedByTheOther() throws Exception {
        UUID vm = DemoFleet.vm("br-hv02/br-app01");
        Response start = b.post("/api/v1/vms/" + vm + "/actions/start", "admin", "demo", "{}");
        assertThat(start.status()).as(start.body()).isEqualTo(202);
        String job = start.json().get("id").asString();
        awaitJobState(a, job, "RUNNING", Duration.ofSeconds(10));

        nodeB.kill();

        JsonNode interrupted = awaitJobState(a, job, "INTERRUPTED", Duration.ofSeconds(30));
        assertThat(interrupted.get("message").asString()).contains("Corral node node-b, which ran this job, stopped answering");
        assertThat(query("SELECT name FROM cluster_node")).containsExactly("node-a");
        // The VM is free again: the next operation is accepted, not refused as busy.
        Response next = a.post("/api/v1/vms/" + vm + "/actions/turn-off", "admin", "demo", "{}");
        assertThat(next.status()).as(next.body()).isNotEqualTo(409);
        finish(a, next);

        nodeB.start(Duration.ofSeconds(120));
        b = new ApiClient(nodeB.port());
        assertThat(query("SELECT name FROM cluster_node ORDER BY name")).containsExactly("node-a", "node-b");
    }

    @Test
    @Order(7)
    void whenTheNodeRunningTheScheduledWorkDiesTheOtherTakesItOver() throws Exception {
        nodeA.kill();

        Instant deadline = Instant.now().plusSeconds(30);
        while (!query("SELECT holder FROM cluster_lease WHERE name = 'scheduler'").equals(List.of("node-b"))
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        assertThat(query("SELECT holder FROM cluster_lease WHERE name = 'scheduler'")).containsExactly("node-b");
        assertThat(b.get("/api/v1/vms?size=1", "admin", "demo").status()).isEqualTo(200);
    }

    // ---- helpers

    @SafeVarargs
    private static List<Response> together(java.util.concurrent.Callable<Response>... calls) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(calls.length);
        try {
            CyclicBarrier barrier = new CyclicBarrier(calls.length);
            List<Future<Response>> futures = new ArrayList<>();
            for (var call : calls) {
                futures.add(threads.submit(() -> {
                    barrier.await(10, TimeUnit.SECONDS);
                    return call.call();
                }));
            }
            List<Response> answers = new ArrayList<>();
            for (Future<Response> future : futures) {
                answers.add(future.get(60, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            threads.shutdownNow();
        }
    }

    private static String finish(ApiClient node, Response submitted) throws InterruptedException {
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(202);
        return awaitJobState(node, submitted.json().get("id").asString(), null, Duration.ofSeconds(30)).get("state").asString();
    }

    /** Waits until the job is in that state (or, with null, has ended). */
    private static JsonNode awaitJobState(ApiClient node, String id, String wanted, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        JsonNode job = node.get("/api/v1/jobs/" + id, "admin", "demo").json();
        while (Instant.now().isBefore(deadline)) {
            String state = job.get("state").asString();
            if (wanted == null ? !List.of("QUEUED", "RUNNING").contains(state) : state.equals(wanted)) {
                return job;
            }
            Thread.sleep(100);
            job = node.get("/api/v1/jobs/" + id, "admin", "demo").json();
        }
        return job;
    }

    private static String state(ApiClient node, UUID vm) {
        return node.get("/api/v1/vms/" + vm, "admin", "demo").json().get("vm").get("state").asString();
    }

    private static void awaitState(ApiClient node, UUID vm, String wanted) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(15);
        while (!state(node, vm).equals(wanted) && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertThat(state(node, vm)).isEqualTo(wanted);
    }

    private static List<String> query(String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), PostgresServer.USER, PostgresServer.PASSWORD);
                Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }
}
