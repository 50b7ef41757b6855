package dev.corral.vms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corral.support.ApiClient;
import dev.corral.support.ApiClient.Response;
import dev.corral.support.CorralIntegrationTest;
import dev.corral.support.DemoFleet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Snapshot trees and quick migration through the API, with the demo fleet and the demo users'
 * rights. What a test changes on the shared simulated hosts it puts back.
 */
@CorralIntegrationTest
class VmSnapshotApiIT {

    static final UUID SQL01 = DemoFleet.vm("hq-hv01/sql01");
    static final UUID WEB02 = DemoFleet.vm("hq-hv01/web02");
    static final UUID EXCH01 = DemoFleet.vm("hq-hv02/exch01");
    static final UUID BR_FILE01 = DemoFleet.vm("br-hv01/br-file01");
    static final UUID HQ_HV01 = DemoFleet.host("hq-hv01");
    static final UUID HQ_HV02 = DemoFleet.host("hq-hv02");
    static final UUID BR_HV02 = DemoFleet.host("br-hv02");

    @LocalServerPort
    int port;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    @Test
    void theTreeComesAsAFlatListWithParentLinks() {
        Response response = api.get("/api/v1/vms/" + SQL01 + "/snapshots", "admin", "demo");

        assertThat(response.status()).isEqualTo(200);
        List<JsonNode> tree = response.json().valueStream().toList();
        assertThat(tree).extracting(s -> s.get("name").asString()).containsExactly("before-sp1", "after-sp1");
        JsonNode root = tree.get(0);
        JsonNode child = tree.get(1);
        assertThat(root.hasNonNull("parentId")).isFalse();
        assertThat(child.get("parentId").asString()).isEqualTo(root.get("id").asString());
        assertThat(child.get("current").asBoolean()).isTrue();
        assertThat(root.get("current").asBoolean()).isFalse();
        assertThat(child.get("vmState").asString()).isEqualTo("RUNNING");
    }

    @Test
    void anAdministratorTakesAppliesAndDeletesSnapshots() throws Exception {
        assertThat(succeeded(take(WEB02, "it-first", "admin"), "admin")).isEqualTo("Took snapshot it-first of web02.");
        JsonNode first = named(WEB02, "it-first");
        assertThat(first.get("current").asBoolean()).isTrue();
        assertThat(first.get("vmState").asString()).isEqualTo("OFF");

        succeeded(take(WEB02, "it-second", "admin"), "admin");
        JsonNode second = named(WEB02, "it-second");
        assertThat(second.get("parentId").asString()).isEqualTo(first.get("id").asString());
        assertThat(second.get("current").asBoolean()).isTrue();

        Response apply = api.post(snapshot(WEB02, first) + "/apply", "admin", "demo", "{}");
        assertThat(apply.status()).isEqualTo(202);
        assertThat(apply.json().get("kind").asString()).isEqualTo("vm.snapshot.apply");
        assertThat(succeeded(apply, "admin")).isEqualTo("web02 is back at snapshot it-first and off.");
        assertThat(named(WEB02, "it-first").get("current").asBoolean()).isTrue();
        assertThat(named(WEB02, "it-second").get("current").asBoolean()).isFalse();

        Response clash = api.send("PATCH", snapshot(WEB02, first), "admin", "demo", "{\"name\":\"IT-SECOND\"}");
        assertThat(clash.status()).as(clash.body()).isEqualTo(400);
        assertThat(clash.json().get("errors").get(0).get("field").asString()).isEqualTo("name");
        Response rename = accepted(() -> api.send("PATCH", snapshot(WEB02, first), "admin", "demo", "{\"name\":\"it-renamed\"}"));
        assertThat(succeeded(rename, "admin")).isEqualTo("Snapshot it-first of web02 is now called it-renamed.");
        assertThat(named(WEB02, "it-renamed").get("id").asString()).isEqualTo(first.get("id").asString());
        assertThat(named(WEB02, "it-second").get("parentId").asString()).isEqualTo(first.get("id").asString());

        Response delete = api.send("DELETE", snapshot(WEB02, first) + "?subtree=true", "admin", "demo");
        assertThat(delete.status()).isEqualTo(202);
        assertThat(succeeded(delete, "admin")).isEqualTo("Deleted snapshot it-renamed and its children of web02.");
        assertThat(api.get("/api/v1/vms/" + WEB02 + "/snapshots", "admin", "demo").json().size()).isZero();
    }

    @Test
    void aBadNameIsAFieldErrorAndAnUnknownSnapshotIs404() {
        Response badName = take(EXCH01, "bad/name", "admin");
        Response blank = take(EXCH01, " ", "admin");
        Response unknown = api.post("/api/v1/vms/" + EXCH01 + "/snapshots/no-such-snapshot/apply", "admin", "demo", "{}");

        assertThat(badName.status()).isEqualTo(400);
        assertThat(badName.contentType()).startsWith("application/problem+json");
        assertThat(badName.json().get("errors").get(0).get("field").asString()).isEqualTo("name");
        assertThat(badName.json().get("detail").asString()).contains("\"bad/name\" does not");
        assertThat(blank.json().get("errors").get(0).get("message").asString()).isEqualTo("Give the snapshot a name.");
        assertThat(unknown.status()).isEqualTo(404);
    }

    @Test
    void anOperatorTakesSnapshotsButMayNotApplyThem() throws Exception {
        Response taken = take(BR_FILE01, "ops-check", "branch-ops");
        assertThat(taken.status()).as(taken.body()).isEqualTo(202);
        assertThat(succeeded(taken, "branch-ops")).isEqualTo("Took snapshot ops-check of br-file01.");
        JsonNode snapshot = named(BR_FILE01, "ops-check");

        Response apply = api.post(snapshot(BR_FILE01, snapshot) + "/apply", "branch-ops", "demo", "{}");

        assertThat(apply.status()).isEqualTo(403);
        assertThat(apply.json().get("detail").asString()).contains("vm.snapshot.apply");
        succeeded(api.send("DELETE", snapshot(BR_FILE01, snapshot), "branch-ops", "demo"), "branch-ops");
        assertThat(api.get("/api/v1/vms/" + BR_FILE01 + "/snapshots", "branch-ops", "demo").json().size()).isZero();
    }

    @Test
    void aVmOutsideTheCallersScopeIsUnknown() {
        Response list = api.get("/api/v1/vms/" + SQL01 + "/snapshots", "branch-ops", "demo");
        Response take = take(SQL01, "sneaky", "branch-ops");
        Response migrate = migrate(SQL01, HQ_HV02, "branch-ops");

        assertThat(list.status()).isEqualTo(404);
        assertThat(list.contentType()).startsWith("application/problem+json");
        assertThat(take.status()).isEqualTo(404);
        assertThat(migrate.status()).isEqualTo(404);
    }

    @Test
    void quickMigrationMovesAVmWithinItsCluster() throws Exception {
        Response there = migrate(WEB02, HQ_HV02, "admin");
        assertThat(there.status()).as(there.body()).isEqualTo(202);
        assertThat(there.json().get("kind").asString()).isEqualTo("vm.migrate");
        try {
            assertThat(succeeded(there, "admin")).isEqualTo("web02 moved from hq-hv01 to hq-hv02 and is off.");
            JsonNode moved = api.get("/api/v1/vms/" + WEB02, "admin", "demo").json().get("vm");
            assertThat(moved.get("hostName").asString()).isEqualTo("hq-hv02");
            assertThat(moved.get("hostId").asString()).isEqualTo(HQ_HV02.toString());
            assertThat(moved.get("state").asString()).isEqualTo("OFF");
        } finally {
            succeeded(migrate(WEB02, HQ_HV01, "admin"), "admin");
        }
        assertThat(api.get("/api/v1/vms/" + WEB02, "admin", "demo").json().get("vm").get("hostName").asString())
                .isEqualTo("hq-hv01");
    }

    @Test
    void quickMigrationOutsideACluster() {
        Response branch = migrate(BR_FILE01, BR_HV02, "admin");
        Response same = migrate(WEB02, HQ_HV01, "admin");
        Response operator = migrate(BR_FILE01, BR_HV02, "branch-ops");

        assertThat(branch.status()).isEqualTo(400);
        assertThat(branch.json().get("errors").get(0).get("field").asString()).isEqualTo("targetHost");
        assertThat(branch.json().get("detail").asString())
                .isEqualTo("Quick migration moves a VM within its cluster; br-hv01 and br-hv02 are not in one cluster.");
        assertThat(same.json().get("errors").get(0).get("message").asString()).isEqualTo("web02 already runs on hq-hv01.");
        assertThat(operator.status()).isEqualTo(403);
        assertThat(operator.json().get("detail").asString()).contains("vm.migrate");
    }

    /**
     * Applying a snapshot gives the VM the snapshot's size: the owner's quota must hold it, and
     * the inventory shows it afterwards. dev owns br-sandbox (2 vCPUs) under a quota of 8.
     */
    @Test
    void applyingASnapshotFitsTheOwnersQuotaAndTheInventoryTakesTheSnapshotsSize() throws Exception {
        String big = created("{\"hostId\":\"" + BR_HV02 + "\",\"name\":\"snap-big\",\"vcpus\":4,\"memoryMiB\":1024}");
        String filler = null;
        try {
            succeeded(take(UUID.fromString(big), "four", "dev"), "dev");
            JsonNode four = named(UUID.fromString(big), "four");
            Response shrunk = api.send("PATCH", "/api/v1/vms/" + big, "dev", "demo", "{\"vcpus\":1}",
                    java.util.Map.of("If-Match", api.get("/api/v1/vms/" + big, "dev", "demo").header("ETag")));
            assertThat(shrunk.status()).as(shrunk.body()).isEqualTo(200);
            filler = created("{\"hostId\":\"" + BR_HV02 + "\",\"name\":\"snap-filler\",\"vcpus\":5,\"memoryMiB\":512}");

            Response over = api.post(snapshot(UUID.fromString(big), four) + "/apply", "dev", "demo", "{}");

            assertThat(over.status()).as(over.body()).isEqualTo(422);
            assertThat(over.json().get("detail").asString()).contains("exceeds your quota").contains("virtual processors: 8 allowed");
            assertThat(vcpus(big)).isEqualTo(1);

            succeeded(api.send("DELETE", "/api/v1/vms/" + filler, "dev", "demo"), "dev");
            filler = null;
            succeeded(accepted(() -> api.post(snapshot(UUID.fromString(big), four) + "/apply", "dev", "demo", "{}")), "dev");

            assertThat(vcpus(big)).isEqualTo(4);
            assertThat(api.get("/api/v1/vms/" + big, "dev", "demo").json().get("live").get("spec").get("vcpus").asInt())
                    .isEqualTo(4);
        } finally {
            for (String vm : java.util.Arrays.asList(big, filler)) {
                if (vm != null) {
                    succeeded(accepted(() -> api.send("DELETE", "/api/v1/vms/" + vm, "admin", "demo")), "admin");
                }
            }
        }
    }

    private String created(String json) {
        Response created = api.post("/api/v1/vms", "dev", "demo", json);
        assertThat(created.status()).as(created.body()).isEqualTo(202);
        succeeded(created, "dev");
        return api.get("/api/v1/jobs/" + created.json().get("id").asString(), "dev", "demo").json().get("vmId").asString();
    }

    private int vcpus(String vm) {
        return api.get("/api/v1/vms/" + vm, "dev", "demo").json().get("vm").get("vcpus").asInt();
    }

    private Response take(UUID vm, String name, String user) {
        return accepted(() -> api.post("/api/v1/vms/" + vm + "/snapshots", user, "demo", "{\"name\":\"" + name + "\"}"));
    }

    private Response migrate(UUID vm, UUID target, String user) {
        return accepted(() -> api.post("/api/v1/vms/" + vm + "/migrate", user, "demo", "{\"targetHost\":\"" + target + "\"}"));
    }

    /** Other tests' jobs on the shared demo VMs may still be finishing: wait out a 409 "busy". */
    private static Response accepted(java.util.function.Supplier<Response> request) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        Response response = request.get();
        while (response.status() == 409 && Instant.now().isBefore(deadline)) {
            sleep();
            response = request.get();
        }
        return response;
    }

    private JsonNode named(UUID vm, String name) {
        return api.get("/api/v1/vms/" + vm + "/snapshots", "admin", "demo").json().valueStream()
                .filter(s -> s.get("name").asString().equals(name)).findFirst().orElseThrow();
    }

    private static String snapshot(UUID vm, JsonNode snapshot) {
        return "/api/v1/vms/" + vm + "/snapshots/" + snapshot.get("id").asString();
    }

    /** Waits for the job the response queued and answers its final message; fails unless it succeeded. */
    private String succeeded(Response queued, String user) {
        assertThat(queued.status()).as(queued.body()).isEqualTo(202);
        String id = queued.json().get("id").asString();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        JsonNode job = api.get("/api/v1/jobs/" + id, user, "demo").json();
        while (List.of("QUEUED", "RUNNING").contains(job.get("state").asString()) && Instant.now().isBefore(deadline)) {
            sleep();
            job = api.get("/api/v1/jobs/" + id, user, "demo").json();
        }
        assertThat(job.get("state").asString()).as(job.toString()).isEqualTo("SUCCEEDED");
        return job.get("message").asString();
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
