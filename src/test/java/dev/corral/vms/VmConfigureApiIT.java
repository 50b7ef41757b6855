package dev.corral.vms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corral.support.ApiClient;
import dev.corral.support.ApiClient.Response;
import dev.corral.support.CorralIntegrationTest;
import dev.corral.support.DemoFleet;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Changing a VM's configuration through the API: against the version read, within the caller's rights and quota. */
@CorralIntegrationTest
class VmConfigureApiIT {

    static final UUID WEB01 = DemoFleet.vm("hq-hv01/web01");
    static final UUID WEB02 = DemoFleet.vm("hq-hv01/web02");
    static final UUID SQL01 = DemoFleet.vm("hq-hv01/sql01");
    static final UUID BR_FILE01 = DemoFleet.vm("br-hv01/br-file01");
    static final UUID BR_SANDBOX = DemoFleet.vm("br-hv02/br-sandbox");

    @LocalServerPort
    int port;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    @Test
    void aChangeMadeAgainstTheVersionReadIsAppliedAndTheOldVersionIsThenRefused() {
        Response read = api.get("/api/v1/vms/" + WEB02, "admin", "demo");
        String etag = read.header("ETag");
        long version = read.json().get("vm").get("version").asLong();
        long memory = read.json().get("vm").get("memoryMiB").asLong();
        assertThat(etag).isEqualTo("\"" + version + "\"");

        Response changed = patch(WEB02, "admin", etag, "{\"memoryMiB\":" + (memory + 2048) + "}");
        try {
            assertThat(changed.status()).as(changed.body()).isEqualTo(200);
            assertThat(changed.json().get("memoryMiB").asLong()).isEqualTo(memory + 2048);
            assertThat(changed.json().get("version").asLong()).isEqualTo(version + 1);
            assertThat(changed.header("ETag")).isEqualTo("\"" + (version + 1) + "\"");
            JsonNode now = api.get("/api/v1/vms/" + WEB02, "admin", "demo").json();
            assertThat(now.get("live").get("spec").get("memoryMiB").asLong()).isEqualTo(memory + 2048);

            Response stale = patch(WEB02, "admin", etag, "{\"memoryMiB\":" + (memory + 4096) + "}");

            assertThat(stale.status()).isEqualTo(409);
            assertThat(stale.contentType()).startsWith("application/problem+json");
            assertThat(stale.json().get("detail").asString()).isEqualTo(
                    "VM web02 was changed by someone else since you opened it; reload it and make your change again.");
        } finally {
            patch(WEB02, "admin", api.get("/api/v1/vms/" + WEB02, "admin", "demo").header("ETag"),
                    "{\"memoryMiB\":" + memory + "}");
        }
    }

    @Test
    void aChangeWithoutTheVersionIs428() {
        Response response = api.send("PATCH", "/api/v1/vms/" + WEB02, "admin", "demo", "{\"memoryMiB\":8192}");

        assertThat(response.status()).isEqualTo(428);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asString()).contains("If-Match");
    }

    @Test
    void anOperatorWithoutVmConfigureIsRefusedAndAnInvisibleVmIsUnknown() {
        String etag = api.get("/api/v1/vms/" + BR_FILE01, "branch-ops", "demo").header("ETag");

        Response refused = patch(BR_FILE01, "branch-ops", etag, "{\"memoryMiB\":8192}");
        Response hidden = patch(SQL01, "branch-ops", "\"0\"", "{\"memoryMiB\":8192}");

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("detail").asString()).contains("does not include vm.configure");
        assertThat(hidden.status()).isEqualTo(404);
    }

    @Test
    void aRunningVmIsNotResizedAndTheHostSaysWhy() {
        Response read = api.get("/api/v1/vms/" + WEB01, "admin", "demo");
        assertThat(read.json().get("vm").get("state").asString()).isEqualTo("RUNNING");

        Response response = patch(WEB01, "admin", read.header("ETag"), "{\"vcpus\":4}");

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.json().get("detail").asString())
                .isEqualTo("VM web01 is running; turn it off before changing its processors, memory or architecture.");
        Response after = api.get("/api/v1/vms/" + WEB01, "admin", "demo");
        assertThat(after.json().get("vm").get("vcpus").asInt()).isEqualTo(2);
        assertThat(after.header("ETag")).isEqualTo(read.header("ETag"));
    }

    @Test
    void aSelfServiceUserCannotGrowTheirVmPastTheirQuota() {
        Response read = api.get("/api/v1/vms/" + BR_SANDBOX, "dev", "demo");

        Response response = patch(BR_SANDBOX, "dev", read.header("ETag"), "{\"vcpus\":16}");

        assertThat(response.status()).as(response.body()).isEqualTo(422);
        assertThat(response.json().get("detail").asString()).contains("virtual processors: 8 allowed");
        assertThat(api.get("/api/v1/vms/" + BR_SANDBOX, "dev", "demo").json().get("live").get("spec").get("vcpus").asInt())
                .isEqualTo(2);
        assertThat(api.get("/api/v1/audit?principal=dev&outcome=REFUSED&size=200", "admin", "demo").json().get("items")
                .valueStream().filter(e -> e.get("details").asString().startsWith("Over quota"))
                .map(e -> e.get("action").asString()).toList())
                .as("the refusal is audited as the change it refused").contains("vm.configure");
    }

    @Test
    void fieldErrorsNameTheirField() {
        String etag = api.get("/api/v1/vms/" + WEB02, "admin", "demo").header("ETag");

        Response tooSmall = patch(WEB02, "admin", etag, "{\"memoryMiB\":16}");
        Response nobody = patch(WEB02, "admin", etag, "{\"owner\":\"no-such-user\"}");

        assertThat(tooSmall.status()).isEqualTo(400);
        assertThat(tooSmall.json().get("errors").get(0).get("field").asString()).isEqualTo("memoryMiB");
        assertThat(nobody.status()).isEqualTo(400);
        assertThat(nobody.json().get("errors").get(0).get("field").asString()).isEqualTo("owner");
    }

    private Response patch(UUID vm, String user, String ifMatch, String json) {
        return api.send("PATCH", "/api/v1/vms/" + vm, user, "demo", json, Map.of("If-Match", ifMatch));
    }

}
