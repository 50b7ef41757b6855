package dev.corral.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corral.support.ApiClient;
import dev.corral.support.ApiClient.Response;
import dev.corral.support.CorralProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * kill -9 during a batch of mixed operations, then a restart on the same database and simulator
 * state: every acknowledged change is still there, no job is left queued or running, the audit
 * trail's chain is intact, and after a resync the inventory's states agree with the hosts'.
 */
class CrashRecoveryIT {

    @TempDir
    Path data;

    @Test
    void aKilledPortalLosesNoAcknowledgedChangeAndLeavesNoJobRunning() throws Exception {
        try (CorralProcess corral = new CorralProcess(data, "--corral.simulator.operation-delay=400ms",
                "--corral.reconciler.interval=2s")) {
            corral.start(Duration.ofSeconds(120));
            ApiClient api = new ApiClient(corral.port());
            List<JsonNode> vms = items(api.get("/api/v1/vms?size=500", "admin", "demo").json());
            assertThat(vms).hasSizeGreaterThanOrEqualTo(12);

            Batch batch = new Batch(api, vms);
            Thread load = Thread.ofPlatform().name("batch").start(batch::run);
            awaitRunningJob(api);
            Instant deadline = Instant.now().plusSeconds(30);
            while ((batch.purposes.size() < 3 || batch.jobs.size() < 6) && Instant.now().isBefore(deadline)) {
                Thread.sleep(20);
            }
            awaitRunningJob(api);
            corral.kill();
            batch.stop.set(true);
            load.join(30_000);
            assertThat(batch.jobs).as("jobs acknowledged before the crash").isNotEmpty();
            assertThat(batch.purposes).as("configuration changes acknowledged before the crash").hasSizeGreaterThanOrEqualTo(3);

            corral.start(Duration.ofSeconds(120));

            List<JsonNode> jobs = items(api.get("/api/v1/jobs?size=500", "admin", "demo").json());
            assertThat(jobs).extracting(j -> j.get("state").asString()).doesNotContain("QUEUED", "RUNNING");
            Set<String> recorded = jobs.stream().map(j -> j.get("id").asString()).collect(Collectors.toSet());
            assertThat(recorded).as("every acknowledged job is recorded").containsAll(batch.jobs.keySet());
            for (Map.Entry<String, String> change : batch.purposes.entrySet()) {
                JsonNode vm = api.get("/api/v1/vms/" + change.getKey(), "admin", "demo").json();
                // The acknowledged value, or a later change to the same VM that was in flight when
                // the portal died (committed, its answer lost).
                List<String> possible = batch.unanswered.containsKey(change.getKey())
                        ? List.of(change.getValue(), batch.unanswered.get(change.getKey())) : List.of(change.getValue());
                assertThat(vm.get("provenance").get("purpose").asString()).as("acknowledged purpose of " + vm.get("vm").get("name"))
                        .isIn(possible);
            }
            for (JsonNode job : jobs) {
                if (job.get("kind").asString().equals("vm.create") && job.get("state").asString().equals("SUCCEEDED")) {
                    // The name search matches parts of names (crash-4 also finds crash-41): count exact names.
                    String name = job.get("vmName").asString();
                    assertThat(items(api.get("/api/v1/vms?size=500&q=" + name, "admin", "demo").json()).stream()
                            .filter(vm -> vm.get("name").asString().equals(name))).as("created " + name).hasSize(1);
                }
            }
            assertThat(api.get("/api/v1/audit/verify", "auditor", "demo").json().toString()).contains("\"intact\":true");
            awaitInventoryAgreesWithHosts(api);
        }
    }

    /** Creates, resizes, starts, pauses and saves VMs until told to stop, remembering what was acknowledged. */
    static final class Batch {
        final ApiClient api;
        final List<JsonNode> vms;
        final AtomicBoolean stop = new AtomicBoolean();
        final Map<String, String> jobs = new ConcurrentHashMap<>();
        final Map<String, String> purposes = new ConcurrentHashMap<>();
        /** A change sent when the portal died, never answered: it may or may not have committed. */
        final Map<String, String> unanswered = new ConcurrentHashMap<>();
        final List<String> refused = new CopyOnWriteArrayList<>();

        Batch(ApiClient api, List<JsonNode> vms) {
            this.api = api;
            this.vms = vms;
        }

        void run() {
            int round = 0;
            while (!stop.get()) {
                try {
                    step(round++);
                } catch (IllegalStateException connectionLost) {
                    return;
                }
            }
        }

        private void step(int round) {
            JsonNode vm = vms.get(round % vms.size());
            String id = vm.get("id").asString();
            switch (round % 4) {
                case 0 -> accept(api.post("/api/v1/vms", "admin", "demo", "{\"hostId\":\"" + vm.get("hostId").asString()
                        + "\",\"name\":\"crash-" + round + "\",\"vcpus\":1,\"memoryMiB\":256,\"diskGiB\":1,"
                        + "\"tags\":{\"batch\":\"crash\"}}"));
                case 1 -> {
                    // A change answered 200 is committed: it must survive the crash.
                    Response current = api.get("/api/v1/vms/" + id, "admin", "demo");
                    String wanted = "changed in round " + round;
                    unanswered.put(id, wanted);
                    Response changed = api.send("PATCH", "/api/v1/vms/" + id, "admin", "demo",
                            "{\"purpose\":\"" + wanted + "\"}", Map.of("If-Match", current.header("ETag")));
                    unanswered.remove(id);
                    if (changed.status() == 200) {
                        purposes.put(id, wanted);
                    } else {
                        refused.add(changed.body());
                    }
                }
                case 2 -> accept(api.post("/api/v1/vms/" + id + "/actions/start", "admin", "demo", "{}"));
                default -> accept(api.post("/api/v1/vms/" + id + "/actions/" + (round % 8 == 3 ? "save" : "pause"),
                        "admin", "demo", "{}"));
            }
        }

        private void accept(Response response) {
            if (response.status() == 202) {
                jobs.put(response.json().get("id").asString(), response.json().get("kind").asString());
            } else {
                refused.add(response.body());
            }
        }
    }

    private static void awaitRunningJob(ApiClient api) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            if (api.get("/api/v1/jobs?state=RUNNING", "admin", "demo").json().get("totalElements").asLong() > 0) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("No job started running within 30 s");
    }

    /** The grid's states (written by the reconciler) match what the hosts report, once a resync has run. */
    private static void awaitInventoryAgreesWithHosts(ApiClient api) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        List<String> disagreements = List.of();
        while (Instant.now().isBefore(deadline)) {
            disagreements = new ArrayList<>();
            for (JsonNode row : items(api.get("/api/v1/vms?size=500", "admin", "demo").json())) {
                JsonNode live = api.get("/api/v1/vms/" + row.get("id").asString(), "admin", "demo").json();
                if (live.get("live") == null || live.get("live").isNull()) {
                    disagreements.add(row.get("name").asString() + " is missing from its host");
                } else if (!live.get("live").get("state").asString().equals(row.get("state").asString())) {
                    disagreements.add(row.get("name").asString() + ": grid " + row.get("state").asString() + ", host "
                            + live.get("live").get("state").asString());
                }
            }
            if (disagreements.isEmpty()) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("Inventory and hosts disagree after resync: " + disagreements);
    }

    private static List<JsonNode> items(JsonNode page) {
        return page.get("items").valueStream().toList();
    }
}
