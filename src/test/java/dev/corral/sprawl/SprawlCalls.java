package dev.corral.sprawl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corral.support.ApiClient;
import dev.corral.support.ApiClient.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/** The calls the sprawl tests make through the API, as a script would. */
final class SprawlCalls {

    final ApiClient api;

    SprawlCalls(int port) {
        this.api = new ApiClient(port);
    }

    JsonNode scan(String user) {
        Response scan = api.post("/api/v1/sprawl/scan", user, "demo", null);
        assertThat(scan.status()).as(scan.body()).isEqualTo(200);
        return scan.json();
    }

    /** The findings of a kind the user sees, in any state unless {@code state} says otherwise. */
    List<JsonNode> findings(String user, String kind, String state) {
        Response found = api.get("/api/v1/sprawl/findings?size=500&kind=" + kind + "&state=" + state, user, "demo");
        assertThat(found.status()).as(found.body()).isEqualTo(200);
        return found.json().get("items").valueStream().toList();
    }

    List<String> names(String user, String kind, String state) {
        return findings(user, kind, state).stream().map(f -> f.get("objectName").asString()).toList();
    }

    JsonNode finding(String user, String kind, String objectName) {
        return findings(user, kind, "all").stream().filter(f -> f.get("objectName").asString().equals(objectName))
                .findFirst().orElseThrow(() -> new AssertionError("No " + kind + " finding on " + objectName));
    }

    Response resolve(String user, String findingId, String json) {
        return api.post("/api/v1/sprawl/findings/" + findingId + "/resolve", user, "demo", json);
    }

    /** Creates a small Linux VM as admin and answers its id once the job has succeeded. */
    UUID createVm(UUID hostId, String name, String extraJson) throws InterruptedException {
        Response created = api.post("/api/v1/vms", "admin", "demo", "{\"hostId\":\"" + hostId + "\",\"name\":\"" + name
                + "\",\"vcpus\":1,\"memoryMiB\":256,\"guestFamily\":\"LINUX\"" + (extraJson == null ? "" : "," + extraJson) + "}");
        assertThat(created.status()).as(created.body()).isEqualTo(202);
        JsonNode job = awaitJob(created.json().get("id").asString());
        assertThat(job.get("state").asString()).as(job.toString()).isEqualTo("SUCCEEDED");
        return UUID.fromString(job.get("vmId").asString());
    }

    JsonNode awaitJob(String id) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        JsonNode job = api.get("/api/v1/jobs/" + id, "admin", "demo").json();
        while (List.of("QUEUED", "RUNNING").contains(job.get("state").asString()) && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
            job = api.get("/api/v1/jobs/" + id, "admin", "demo").json();
        }
        return job;
    }

    JsonNode act(UUID vm, String action) throws InterruptedException {
        Response queued = api.post("/api/v1/vms/" + vm + "/actions/" + action, "admin", "demo", "{}");
        assertThat(queued.status()).as(queued.body()).isEqualTo(202);
        return awaitJob(queued.json().get("id").asString());
    }

    /** Waits until the VM's state, as the API reports it, passes the test. */
    String awaitState(UUID vm, Predicate<String> wanted) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        String state = state(vm);
        while (!wanted.test(state) && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            state = state(vm);
        }
        return state;
    }

    String state(UUID vm) {
        return api.get("/api/v1/vms/" + vm, "admin", "demo").json().get("vm").get("state").asString();
    }

    void delete(UUID vm) throws InterruptedException {
        Response deleted = api.send("DELETE", "/api/v1/vms/" + vm, "admin", "demo");
        if (deleted.status() == 202) {
            awaitJob(deleted.json().get("id").asString());
        }
    }
}
