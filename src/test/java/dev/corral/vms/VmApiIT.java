package dev.corral.vms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corral.support.ApiClient;
import dev.corral.support.ApiClient.Response;
import dev.corral.support.CorralIntegrationTest;
import dev.corral.support.DemoFleet;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The VM resources through the API, with the demo fleet and the demo users' rights. */
@CorralIntegrationTest
class VmApiIT {

    static final UUID BR_FILE01 = DemoFleet.vm("br-hv01/br-file01");
    static final UUID BR_APP02 = DemoFleet.vm("br-hv02/br-app02");
    static final UUID SQL01 = DemoFleet.vm("hq-hv01/sql01");
    static final UUID BR_HV02 = UUID.nameUUIDFromBytes("host/br-hv02".getBytes(StandardCharsets.UTF_8));

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    dev.corral.engine.sim.SimulatorEngine simulator;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    @Test
    void theListHoldsWhatTheCallerMaySeeAndCountsOnlyThat() {
        JsonNode all = api.get("/api/v1/vms?size=500", "admin", "demo").json();
        JsonNode branch = api.get("/api/v1/vms?size=500", "branch-ops", "demo").json();
        JsonNode mine = api.get("/api/v1/vms?size=500", "dev", "demo").json();

        assertThat(all.get("totalElements").asLong()).isGreaterThanOrEqualTo(12);
        assertThat(names(branch)).contains("br-file01", "br-app01").doesNotContain("sql01", "dc01");
        assertThat(branch.get("totalElements").asLong()).isEqualTo(names(branch).size());
        // A self-service user sees the VMs they own and no other (other tests may have given dev more).
        assertThat(names(mine)).contains("br-sandbox").doesNotContain("br-file01", "br-app01");
        assertThat(mine.get("items").valueStream().map(v -> v.get("owner").asString())).containsOnly("dev");
    }

    @Test
    void filtersAndPagingWorkInTheDatabase() {
        JsonNode page = api.get("/api/v1/vms?q=br-&size=2&page=0&sort=name", "admin", "demo").json();
        JsonNode running = api.get("/api/v1/vms?state=RUNNING&size=500", "admin", "demo").json();

        assertThat(page.get("items").size()).isEqualTo(2);
        assertThat(page.get("totalElements").asLong()).isGreaterThanOrEqualTo(5);
        assertThat(names(page)).allMatch(n -> n.startsWith("br-"));
        assertThat(running.get("items").valueStream().map(v -> v.get("state").asString())).containsOnly("RUNNING");
    }

    @Test
    void aVmTheCallerMayNotSeeIs404() {
        Response hidden = api.get("/api/v1/vms/" + SQL01, "branch-ops", "demo");
        Response unknown = api.get("/api/v1/vms/" + UUID.randomUUID(), "admin", "demo");

        assertThat(hidden.status()).isEqualTo(404);
        assertThat(hidden.contentType()).startsWith("application/problem+json");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(api.post("/api/v1/vms/" + SQL01 + "/actions/start", "branch-ops", "demo", "{}").status()).isEqualTo(404);
    }

    @Test
    void anOperatorActsAsAJobAndASecondJobOnTheSameVmIsRefused() throws Exception {
        Response pause = api.post("/api/v1/vms/" + BR_FILE01 + "/actions/pause", "branch-ops", "demo", "{}");
        assertThat(pause.status()).isEqualTo(202);
        String jobId = pause.json().get("id").asString();

        JsonNode job = awaitJob(jobId, "branch-ops");
        assertThat(job.get("state").asString()).isEqualTo("SUCCEEDED");
        assertThat(job.get("message").asString()).isEqualTo("br-file01 is paused.");

        Response again = api.post("/api/v1/vms/" + BR_FILE01 + "/actions/pause", "branch-ops", "demo", "{}");
        JsonNode failed = awaitJob(again.json().get("id").asString(), "branch-ops");
        assertThat(failed.get("state").asString()).isEqualTo("FAILED");
        assertThat(failed.get("message").asString()).contains("br-file01 is paused");

        api.post("/api/v1/vms/" + BR_FILE01 + "/actions/resume", "branch-ops", "demo", "{}");
    }

    @Test
    void twoMutatingJobsOnOneVmAtOnceGiveA409() throws Exception {
        simulator.faults("br-hv02").slowDown(50); // a save of a second or so, long enough to collide with
        try {
            Response first = api.post("/api/v1/vms/" + BR_APP02 + "/actions/save", "admin", "demo", "{}");
            Response second = api.post("/api/v1/vms/" + BR_APP02 + "/actions/turn-off", "admin", "demo", "{}");

            assertThat(first.status()).isEqualTo(202);
            assertThat(second.status()).as(second.body()).isEqualTo(409);
            assertThat(second.json().get("detail").asString()).contains("br-app02 is busy");
            awaitJob(first.json().get("id").asString(), "admin");
        } finally {
            simulator.faults("br-hv02").slowDown(1);
        }
    }

    @Test
    void anOperatorCannotDeleteAndTheRefusalNamesThePermission() {
        Response delete = api.send("DELETE", "/api/v1/vms/" + BR_FILE01, "branch-ops", "demo");

        assertThat(delete.status()).isEqualTo(403);
        assertThat(delete.json().get("detail").asString()).contains("does not include vm.delete");
    }

    @Test
    void creationIsCheckedFieldByFieldAndAgainstTheQuota() {
        Response badName = create("dev", "{\"hostId\":\"" + BR_HV02 + "\",\"name\":\"bad/name\",\"vcpus\":1,\"memoryMiB\":512}");
        Response overQuota = create("dev", "{\"hostId\":\"" + BR_HV02 + "\",\"name\":\"big\",\"vcpus\":16,\"memoryMiB\":512}");
        Response noHost = create("dev", "{\"name\":\"x\",\"vcpus\":1,\"memoryMiB\":512}");
        Response malformed = create("dev", "{\"name\":");

        assertThat(badName.status()).isEqualTo(400);
        assertThat(badName.json().get("errors").get(0).get("field").asString()).isEqualTo("name");
        assertThat(overQuota.status()).isEqualTo(422);
        assertThat(overQuota.json().get("detail").asString()).contains("virtual processors: 8 allowed");
        assertThat(noHost.json().get("errors").get(0).get("field").asString()).isEqualTo("hostId");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aSelfServiceUserCreatesAVmTheyThenOwn() throws Exception {
        Response created = create("dev", "{\"hostId\":\"" + BR_HV02 + "\",\"name\":\"dev-small\",\"vcpus\":1,\"memoryMiB\":512,"
                + "\"guestFamily\":\"LINUX\",\"diskGiB\":10}");
        assertThat(created.status()).as(created.body()).isEqualTo(202);

        assertThat(awaitJob(created.json().get("id").asString(), "dev").get("state").asString()).isEqualTo("SUCCEEDED");
        JsonNode mine = api.get("/api/v1/vms?q=dev-small", "dev", "demo").json();
        assertThat(mine.get("items").get(0).get("owner").asString()).isEqualTo("dev");
        String id = mine.get("items").get(0).get("id").asString();
        assertThat(api.send("DELETE", "/api/v1/vms/" + id, "dev", "demo").status()).isEqualTo(202);
    }

    @Test
    void unknownActionsAre400() {
        Response response = api.post("/api/v1/vms/" + BR_FILE01 + "/actions/explode", "admin", "demo", "{}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("action");
    }

    private Response create(String user, String json) {
        return api.post("/api/v1/vms", user, "demo", json);
    }

    private JsonNode awaitJob(String id, String user) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        JsonNode job = api.get("/api/v1/jobs/" + id, user, "demo").json();
        while (List.of("QUEUED", "RUNNING").contains(job.get("state").asString()) && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
            job = api.get("/api/v1/jobs/" + id, user, "demo").json();
        }
        return job;
    }

    private static List<String> names(JsonNode page) {
        return page.get("items").valueStream().map(v -> v.get("name").asString()).toList();
    }

}
