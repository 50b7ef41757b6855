package dev.corral.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corral.support.ApiClient;
import dev.corral.support.ApiClient.Response;
import dev.corral.support.CorralIntegrationTest;
import dev.corral.support.DemoFleet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Trust hole 10: an object a caller may not see is absent everywhere, refusals and messages
 * included; and a host's engine URI is shown only to those who manage the host.
 */
@CorralIntegrationTest
class HiddenObjectsApiIT {

    static final UUID HQ_HV01 = DemoFleet.host("hq-hv01");
    static final UUID HQ_HV02 = DemoFleet.host("hq-hv02");
    static final UUID BR_HV01 = DemoFleet.host("br-hv01");
    static final UUID HQ = DemoFleet.group("HQ");

    @LocalServerPort
    int port;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    @Test
    void aRefusalAboutAHostTheCallerCannotSeeAnswersAsNotFoundAndNamesNothing() {
        Response onHidden = api.post("/api/v1/vms", "dev", "demo", "{\"hostId\":\"" + HQ_HV01
                + "\",\"name\":\"dev-probe\",\"vcpus\":1,\"memoryMiB\":256,\"guestFamily\":\"LINUX\"}");
        Response onMissing = api.post("/api/v1/vms", "dev", "demo", "{\"hostId\":\"" + UUID.randomUUID()
                + "\",\"name\":\"dev-probe\",\"vcpus\":1,\"memoryMiB\":256,\"guestFamily\":\"LINUX\"}");
        Response groupHidden = api.post("/api/v1/host-groups", "hq-admin", "demo",
                "{\"name\":\"probe\",\"parentId\":\"" + DemoFleet.group("Branch") + "\"}");

        assertThat(onHidden.status()).as(onHidden.body()).isEqualTo(404);
        assertThat(onHidden.json().get("detail").asString()).doesNotContain("hq-hv01").doesNotContain("HQ");
        assertThat(onMissing.status()).isIn(400, 404);
        assertThat(groupHidden.status()).as(groupHidden.body()).isEqualTo(404);
        assertThat(groupHidden.json().get("detail").asString()).doesNotContain("Branch");
        List<JsonNode> refusals = api.get("/api/v1/audit?size=200&principal=dev&outcome=REFUSED", "auditor", "demo").json()
                .get("items").valueStream().filter(a -> HQ_HV01.toString().equals(text(a, "objectId"))).toList();
        assertThat(refusals).as("the refusal is still audited in full").isNotEmpty();
    }

    @Test
    void removingAHostNamesOnlyTheVmsTheCallerSeesAndCountsTheOthers() {
        UUID build01 = DemoFleet.vm("hq-hv02/build01");
        Response denied = api.post("/api/v1/assignments", "admin", "demo", "{\"principalType\":\"USER\",\"principalName\":"
                + "\"hq-admin\",\"roleId\":\"" + DemoFleet.role("No Access") + "\",\"scope\":\"vm:" + build01 + "\"}");
        assertThat(denied.status()).as(denied.body()).isEqualTo(201);
        try {
            Response refused = api.send("DELETE", "/api/v1/hosts/" + HQ_HV02, "hq-admin", "demo");

            assertThat(refused.status()).isEqualTo(400);
            String detail = refused.json().get("detail").asString();
            assertThat(detail).contains("exch01").contains("1 more that you may not see").doesNotContain("build01");
        } finally {
            api.send("DELETE", "/api/v1/assignments/" + denied.json().get("id").asString(), "admin", "demo");
        }
    }

    @Test
    void aBulkResolutionDoesNotNameFindingsTheCallerCannotSee() {
        assertThat(api.post("/api/v1/sprawl/scan", "admin", "demo", null).status()).isEqualTo(200);
        String hidden = api.get("/api/v1/sprawl/findings?kind=unmanaged&state=all&size=100", "admin", "demo").json()
                .get("items").valueStream().filter(f -> f.get("objectName").asString().equals("old-test-07")).findFirst()
                .orElseThrow().get("id").asString();

        Response outcome = api.post("/api/v1/sprawl/findings/resolve", "dev", "demo",
                "{\"ids\":[\"" + hidden + "\"],\"action\":\"ignore\",\"note\":\"probe\"}");

        assertThat(outcome.status()).as(outcome.body()).isEqualTo(200);
        JsonNode one = outcome.json().get(0);
        assertThat(one.get("resolved").asBoolean()).isFalse();
        assertThat(text(one, "objectName")).isNull();
        assertThat(outcome.body()).doesNotContain("old-test-07").doesNotContain("hq-hv02");
    }

    @Test
    void aHostsEngineUriIsShownOnlyToThoseWhoManageTheHost() {
        JsonNode byAuditor = api.get("/api/v1/hosts", "auditor", "demo").json();
        JsonNode byDelegate = api.get("/api/v1/hosts", "hq-admin", "demo").json();
        JsonNode byAdmin = api.get("/api/v1/hosts", "admin", "demo").json();

        assertThat(byAuditor.valueStream().map(h -> text(h, "uri"))).isNotEmpty().containsOnlyNulls();
        assertThat(uriOf(byDelegate, "hq-hv01")).isEqualTo("sim://hq-hv01");
        assertThat(uriOf(byAdmin, "br-hv01")).isEqualTo("sim://br-hv01");
        assertThat(text(api.get("/api/v1/hosts/" + BR_HV01, "branch-ops", "demo").json().get("host"), "uri")).isNull();
        assertThat(text(api.get("/api/v1/hosts/" + HQ_HV01, "hq-admin", "demo").json().get("host"), "uri"))
                .isEqualTo("sim://hq-hv01");
    }

    @Test
    void aHostNameTakenByAHiddenHostIsRefusedWithoutConfirmingThatHost() {
        Response hidden = api.post("/api/v1/hosts", "hq-admin", "demo",
                "{\"name\":\"BR-HV01\",\"uri\":\"sim://hq-name-probe\",\"hostGroupId\":\"" + HQ + "\"}");
        Response visible = api.post("/api/v1/hosts", "hq-admin", "demo",
                "{\"name\":\"hq-hv01\",\"uri\":\"sim://hq-name-probe\",\"hostGroupId\":\"" + HQ + "\"}");

        assertThat(hidden.status()).isEqualTo(400);
        assertThat(hidden.json().get("errors").get(0).get("field").asString()).isEqualTo("name");
        assertThat(hidden.json().get("errors").get(0).get("message").asString())
                .isEqualTo("This name is not available; choose another.");
        assertThat(visible.json().get("errors").get(0).get("message").asString())
                .isEqualTo("There is already a host named hq-hv01.");
    }

    private static String uriOf(JsonNode hosts, String name) {
        return hosts.valueStream().filter(h -> h.get("name").asString().equals(name)).findFirst()
                .map(h -> text(h, "uri")).orElseThrow();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }
}
