package dev.corral.hosts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corral.engine.HostConnection;
import dev.corral.engine.VirtualSwitch;
import dev.corral.engine.sim.SimulatorEngine;
import dev.corral.support.ApiClient;
import dev.corral.support.ApiClient.Response;
import dev.corral.support.CorralIntegrationTest;
import dev.corral.support.DemoFleet;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Maintenance mode through the API: evacuation within the cluster, what it refuses, who may use it. */
@CorralIntegrationTest
class MaintenanceApiIT {

    static final UUID HQ_HV01 = DemoFleet.host("hq-hv01");
    static final UUID HQ_HV02 = DemoFleet.host("hq-hv02");
    static final UUID BR_HV01 = DemoFleet.host("br-hv01");
    static final UUID BUILD01 = UUID.nameUUIDFromBytes("hq-hv02/build01".getBytes(StandardCharsets.UTF_8));

    @LocalServerPort
    int port;

    @Autowired
    SimulatorEngine simulator;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    @Test
    void aVmWhoseSwitchNoOtherHostHasKeepsTheHostOutOfMaintenance() {
        Response refused = api.post("/api/v1/hosts/" + HQ_HV02 + "/maintenance", "admin", "demo", "{}");

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("build01 would have nowhere to go").contains("virtual switch Lab");
        assertThat(api.get("/api/v1/hosts/" + HQ_HV02, "admin", "demo").json().get("maintenance").asBoolean()).isFalse();
        assertThat(api.get("/api/v1/vms/" + BUILD01, "admin", "demo").json().get("vm").get("hostName").asString())
                .isEqualTo("hq-hv02");
    }

    @Test
    void maintenanceModeEvacuatesRunningVmsToTheOtherHostOfTheCluster() {
        // build01 connects to the private switch Lab, which only hq-hv02 has in the demo fleet.
        HostConnection hqHv01 = simulator.connect(URI.create("sim://hq-hv01"));
        hqHv01.createSwitch(new VirtualSwitch("Lab", VirtualSwitch.Kind.PRIVATE, null, null));
        try {
            evacuateAndComeBack();
        } finally {
            hqHv01.deleteSwitch("Lab");
        }
    }

    private void evacuateAndComeBack() {
        Response entered = accepted(() -> api.post("/api/v1/hosts/" + HQ_HV02 + "/maintenance", "admin", "demo", "{}"));
        try {
            assertThat(entered.status()).as(entered.body()).isEqualTo(202);
            List<JsonNode> jobs = entered.json().get("jobs").valueStream().toList();
            assertThat(jobs).extracting(j -> j.get("vmName").asString()).contains("build01").doesNotContain("exch01");
            for (JsonNode job : jobs) {
                assertThat(job.get("kind").asString()).isEqualTo("vm.migrate");
                assertThat(finished(job.get("id").asString())).contains("moved from hq-hv02 to hq-hv01");
            }
            JsonNode build01 = api.get("/api/v1/vms/" + BUILD01, "admin", "demo").json().get("vm");
            assertThat(build01.get("hostName").asString()).isEqualTo("hq-hv01");
            assertThat(build01.get("state").asString()).isEqualTo("RUNNING");
            assertThat(api.get("/api/v1/hosts/" + HQ_HV02, "admin", "demo").json().get("maintenance").asBoolean()).isTrue();
            assertThat(api.get("/api/v1/hosts", "admin", "demo").json().valueStream()
                    .filter(h -> h.get("maintenance").asBoolean()).map(h -> h.get("name").asString())).containsExactly("hq-hv02");

            Response created = api.post("/api/v1/vms", "admin", "demo",
                    "{\"hostId\":\"" + HQ_HV02 + "\",\"name\":\"mm-refused\",\"vcpus\":1,\"memoryMiB\":512}");
            assertThat(created.status()).as(created.body()).isEqualTo(400);
            assertThat(created.body()).contains("maintenance mode");
            Response back = api.post("/api/v1/vms/" + BUILD01 + "/migrate", "admin", "demo",
                    "{\"targetHost\":\"" + HQ_HV02 + "\"}");
            assertThat(back.status()).as("no VM migrates to a host in maintenance").isEqualTo(400);
            Response again = api.post("/api/v1/hosts/" + HQ_HV02 + "/maintenance", "admin", "demo", "{}");
            assertThat(again.status()).isEqualTo(400);
        } finally {
            Response left = api.send("DELETE", "/api/v1/hosts/" + HQ_HV02 + "/maintenance", "admin", "demo");
            assertThat(left.status()).as(left.body()).isEqualTo(200);
            assertThat(left.json().get("maintenance").asBoolean()).isFalse();
            if (api.get("/api/v1/vms/" + BUILD01, "admin", "demo").json().get("vm").get("hostName").asString()
                    .equals("hq-hv01")) {
                Response back = accepted(() -> api.post("/api/v1/vms/" + BUILD01 + "/migrate", "admin", "demo",
                        "{\"targetHost\":\"" + HQ_HV02 + "\"}"));
                assertThat(back.status()).as(back.body()).isEqualTo(202);
                assertThat(finished(back.json().get("id").asString())).contains("moved from hq-hv01 to hq-hv02");
            }
        }
        assertThat(api.get("/api/v1/vms/" + BUILD01, "admin", "demo").json().get("vm").get("hostName").asString())
                .isEqualTo("hq-hv02");
        JsonNode audit = api.get("/api/v1/audit?object=" + HQ_HV02, "admin", "demo").json();
        assertThat(audit.get("items").valueStream().map(e -> e.get("action").asString()))
                .contains("host.maintenance.enter", "host.maintenance.exit");
    }

    @Test
    void aHostWithoutAClusterHasNowhereToMoveItsVms() {
        Response refused = api.post("/api/v1/hosts/" + BR_HV01 + "/maintenance", "admin", "demo", "{}");

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("br-hv01 is in no failover cluster");
        assertThat(api.get("/api/v1/hosts/" + BR_HV01, "admin", "demo").json().get("maintenance").asBoolean()).isFalse();
    }

    @Test
    void onlyHostManagersMayUseMaintenanceMode() {
        Response hidden = api.post("/api/v1/hosts/" + HQ_HV02 + "/maintenance", "branch-ops", "demo", "{}");
        Response branch = api.post("/api/v1/hosts/" + BR_HV01 + "/maintenance", "branch-ops", "demo", "{}");
        Response leave = api.send("DELETE", "/api/v1/hosts/" + BR_HV01 + "/maintenance", "branch-ops", "demo");

        assertThat(hidden.status()).as("a host the operator cannot see").isEqualTo(404);
        assertThat(branch.status()).as(branch.body()).isEqualTo(403);
        assertThat(leave.status()).as(leave.body()).isEqualTo(403);
        assertThat(api.get("/api/v1/hosts/" + HQ_HV02, "admin", "demo").json().get("maintenance").asBoolean()).isFalse();
    }

    /** Waits for the job and answers its final message; fails unless it succeeded. */
    private String finished(String id) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        JsonNode job = api.get("/api/v1/jobs/" + id, "admin", "demo").json();
        while (List.of("QUEUED", "RUNNING").contains(job.get("state").asString()) && Instant.now().isBefore(deadline)) {
            sleep();
            job = api.get("/api/v1/jobs/" + id, "admin", "demo").json();
        }
        assertThat(job.get("state").asString()).as(job.toString()).isEqualTo("SUCCEEDED");
        return job.get("message").asString();
    }

    /** Other tests' jobs on the shared demo VMs may still be finishing: wait out a 409 "busy". */
    private static Response accepted(Supplier<Response> request) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        Response response = request.get();
        while (response.status() == 409 && Instant.now().isBefore(deadline)) {
            sleep();
            response = request.get();
        }
        return response;
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
