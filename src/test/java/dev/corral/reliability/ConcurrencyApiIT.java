package dev.corral.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corral.support.ApiClient;
import dev.corral.support.ApiClient.Response;
import dev.corral.support.CorralIntegrationTest;
import dev.corral.support.DemoFleet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Sixteen clients racing on the same three VMs and their host: power operations and edits at
 * once. Every answer is a success or a clean conflict (409 problem+json: the VM is busy, or the
 * edit was made against an older version), never a 5xx; afterwards no job is left running, each
 * VM's version counts exactly the edits that were acknowledged, and the grid agrees with the host.
 */
@CorralIntegrationTest
class ConcurrencyApiIT {

    static final int CLIENTS = 16;
    static final int ROUNDS = 12;

    @LocalServerPort
    int port;

    @Test
    void sixteenClientsRacingGetSuccessesAndCleanConflictsAndLeaveAConsistentState() throws Exception {
        ApiClient api = new ApiClient(port);
        List<String> vms = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Response created = api.post("/api/v1/vms", "admin", "demo", "{\"hostId\":\"" + DemoFleet.host("br-hv02")
                    + "\",\"name\":\"race-" + i + "\",\"vcpus\":1,\"memoryMiB\":256,\"guestFamily\":\"LINUX\"}");
            vms.add(await(api, created.json().get("id").asString()).get("vmId").asString());
        }
        Map<String, Long> initialVersions = new ConcurrentHashMap<>();
        vms.forEach(id -> initialVersions.put(id, api.get("/api/v1/vms/" + id, "admin", "demo").json().get("vm").get("version").asLong()));
        Map<String, AtomicInteger> acknowledgedEdits = new ConcurrentHashMap<>();
        vms.forEach(id -> acknowledgedEdits.put(id, new AtomicInteger()));
        List<String> unclean = new java.util.concurrent.CopyOnWriteArrayList<>();
        AtomicInteger conflicts = new AtomicInteger();
        AtomicInteger successes = new AtomicInteger();

        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            done.add(clients.submit(() -> {
                ApiClient client = new ApiClient(port);
                for (int round = 0; round < ROUNDS; round++) {
                    String vm = vms.get(ThreadLocalRandom.current().nextInt(vms.size()));
                    Response response = switch (ThreadLocalRandom.current().nextInt(4)) {
                        case 0 -> client.post("/api/v1/vms/" + vm + "/actions/start", "admin", "demo", "{}");
                        case 1 -> client.post("/api/v1/vms/" + vm + "/actions/turn-off", "admin", "demo", "{}");
                        case 2 -> client.post("/api/v1/vms/" + vm + "/actions/pause", "admin", "demo", "{}");
                        default -> {
                            String etag = client.get("/api/v1/vms/" + vm, "admin", "demo").header("ETag");
                            Response edit = client.send("PATCH", "/api/v1/vms/" + vm, "admin", "demo",
                                    "{\"purpose\":\"edited by " + Thread.currentThread().getName() + " in round " + round + "\"}",
                                    Map.of("If-Match", etag));
                            if (edit.status() == 200) {
                                acknowledgedEdits.get(vm).incrementAndGet();
                            }
                            yield edit;
                        }
                    };
                    if (response.status() == 200 || response.status() == 202) {
                        successes.incrementAndGet();
                    } else if (response.status() == 409 && response.contentType().startsWith("application/problem+json")) {
                        conflicts.incrementAndGet();
                    } else {
                        unclean.add(response.status() + " " + response.body());
                    }
                }
                return null;
            }));
        }
        for (Future<?> client : done) {
            client.get();
        }
        clients.shutdown();

        assertThat(unclean).as("answers other than success or a clean 409").isEmpty();
        assertThat(successes.get()).isPositive();
        awaitNoJobRunning(api);
        for (String vm : vms) {
            JsonNode details = api.get("/api/v1/vms/" + vm, "admin", "demo").json();
            assertThat(details.get("vm").get("version").asLong()).as("version of " + vm + " counts the acknowledged edits")
                    .isEqualTo(initialVersions.get(vm) + acknowledgedEdits.get(vm).get());
        }
        awaitGridAgreesWithHost(api, vms);
        System.out.println("Concurrency: " + successes.get() + " successes, " + conflicts.get() + " clean conflicts");
    }

    /**
     * dev (quota 8 vCPUs, br-sandbox using 2) grows two of their VMs from 1 to 4 vCPUs at the same
     * moment: each alone fits, both do not. Exactly one is applied; the other is refused.
     */
    @Test
    void parallelResizesBySelfServiceUserStayWithinTheQuota() throws Exception {
        ApiClient api = new ApiClient(port);
        List<String> vms = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                Response created = api.post("/api/v1/vms", "dev", "demo", "{\"hostId\":\"" + DemoFleet.host("br-hv02")
                        + "\",\"name\":\"quota-race-" + i + "\",\"vcpus\":1,\"memoryMiB\":256,\"guestFamily\":\"LINUX\"}");
                assertThat(created.status()).as(created.body()).isEqualTo(202);
                vms.add(await(api, created.json().get("id").asString()).get("vmId").asString());
            }
            java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(vms.size());
            ExecutorService clients = Executors.newFixedThreadPool(vms.size());
            List<Future<Response>> answers = new ArrayList<>();
            for (String vm : vms) {
                String etag = api.get("/api/v1/vms/" + vm, "dev", "demo").header("ETag");
                answers.add(clients.submit(() -> {
                    together.await(5, java.util.concurrent.TimeUnit.SECONDS);
                    return new ApiClient(port).send("PATCH", "/api/v1/vms/" + vm, "dev", "demo", "{\"vcpus\":4}",
                            Map.of("If-Match", etag));
                }));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Response> answer : answers) {
                statuses.add(answer.get(30, java.util.concurrent.TimeUnit.SECONDS).status());
            }
            clients.shutdown();

            assertThat(statuses).containsExactlyInAnyOrder(200, 422);
            int total = 0;
            for (String vm : vms) {
                total += api.get("/api/v1/vms/" + vm, "dev", "demo").json().get("vm").get("vcpus").asInt();
            }
            assertThat(total).isEqualTo(5);
        } finally {
            for (String vm : vms) {
                await(api, api.send("DELETE", "/api/v1/vms/" + vm, "admin", "demo").json().get("id").asString());
            }
        }
    }

    private static JsonNode await(ApiClient api, String jobId) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        JsonNode job = api.get("/api/v1/jobs/" + jobId, "admin", "demo").json();
        while (List.of("QUEUED", "RUNNING").contains(job.get("state").asString()) && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
            job = api.get("/api/v1/jobs/" + jobId, "admin", "demo").json();
        }
        assertThat(job.get("state").asString()).as(job.toString()).isEqualTo("SUCCEEDED");
        return job;
    }

    private static void awaitNoJobRunning(ApiClient api) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            long active = api.get("/api/v1/jobs?state=RUNNING", "admin", "demo").json().get("totalElements").asLong()
                    + api.get("/api/v1/jobs?state=QUEUED", "admin", "demo").json().get("totalElements").asLong();
            if (active == 0) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Jobs still running 30 s after the clients stopped");
    }

    private static void awaitGridAgreesWithHost(ApiClient api, List<String> vms) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        List<String> disagreements = List.of();
        while (Instant.now().isBefore(deadline)) {
            disagreements = new ArrayList<>();
            for (String vm : vms) {
                JsonNode details = api.get("/api/v1/vms/" + vm, "admin", "demo").json();
                String name = details.get("vm").get("name").asString();
                String grid = api.get("/api/v1/vms?q=" + name, "admin", "demo").json().get("items").get(0).get("state").asString();
                String host = details.get("live").get("state").asString();
                if (!grid.equals(host)) {
                    disagreements.add(name + ": grid " + grid + ", host " + host);
                }
            }
            if (disagreements.isEmpty()) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("Grid and host disagree: " + disagreements);
    }
}
