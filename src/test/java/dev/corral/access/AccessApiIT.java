package dev.corral.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corral.support.ApiClient;
import dev.corral.support.ApiClient.Response;
import dev.corral.support.CorralIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The access model through the API, with the demo directory and the demo fleet's assignments:
 * who holds what, explanations, and delegation limits.
 */
@CorralIntegrationTest
class AccessApiIT {

    static final UUID HQ = UUID.nameUUIDFromBytes("group/HQ".getBytes(StandardCharsets.UTF_8));
    static final UUID BRANCH = UUID.nameUUIDFromBytes("group/Branch".getBytes(StandardCharsets.UTF_8));
    static final UUID VM_OPERATOR = UUID.nameUUIDFromBytes("role/VM Operator".getBytes(StandardCharsets.UTF_8));
    static final UUID ADMINISTRATOR = UUID.nameUUIDFromBytes("role/Administrator".getBytes(StandardCharsets.UTF_8));

    @LocalServerPort
    int port;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    @Test
    void meListsTheRolesTheCallerHoldsAndWhere() {
        JsonNode me = api.get("/api/v1/me", "branch-ops", "demo").json();

        assertThat(me.get("roles").valueStream().map(r -> r.get("role").asString() + " @ " + r.get("scope").asString()
                + " " + r.get("scopeId").asString() + " via " + r.get("via").asString()).toList())
                .containsExactly("VM Operator @ host-group " + BRANCH + " via group branch-operators");
    }

    @Test
    void theBuiltInRolesAreListed() {
        Response roles = api.get("/api/v1/roles", "auditor", "demo");

        assertThat(roles.status()).isEqualTo(200);
        assertThat(roles.json().valueStream().map(r -> r.get("name").asString()).toList()).contains("Administrator",
                "Delegated Administrator", "VM Operator", "Self-Service User", "Auditor", "No Access");
    }

    @Test
    void explainNamesTheDecidingRoleScopeAndGroup() {
        JsonNode allowed = api.get("/api/v1/access/explain?principal=branch-ops&permission=vm.power&object=host-group:"
                + BRANCH, "admin", "demo").json();
        JsonNode denied = api.get("/api/v1/access/explain?principal=branch-ops&permission=vm.delete&object=host-group:"
                + BRANCH, "admin", "demo").json();

        assertThat(allowed.get("allowed").asBoolean()).isTrue();
        assertThat(allowed.get("summary").asString())
                .contains("allowed by role VM Operator on host group Branch via group branch-operators");
        assertThat(denied.get("allowed").asBoolean()).isFalse();
        assertThat(denied.get("summary").asString()).contains("does not include vm.delete");
    }

    @Test
    void badExplainParametersAre400WithTheField() {
        Response response = api.get("/api/v1/access/explain?principal=dev&permission=fly&object=global", "admin", "demo");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("permission");
    }

    @Test
    void aDelegatedAdministratorAssignsWithinTheirScopeOnly() {
        Response inside = assign("hq-admin", "GROUP", "hq-night-shift", VM_OPERATOR, "host-group:" + HQ);
        assertThat(inside.status()).isEqualTo(201);

        // Branch is hidden from hq-admin: the refusal answers as for a host group that does not exist.
        Response outside = assign("hq-admin", "GROUP", "hq-night-shift", VM_OPERATOR, "host-group:" + BRANCH);
        assertThat(outside.status()).isEqualTo(404);
        assertThat(outside.json().get("detail").asString()).doesNotContain("Branch");
        assertThat(outside.contentType()).startsWith("application/problem+json");

        Response tooMuch = assign("hq-admin", "GROUP", "hq-night-shift", ADMINISTRATOR, "host-group:" + HQ);
        assertThat(tooMuch.status()).isEqualTo(403);
        assertThat(tooMuch.json().get("detail").asString())
                .contains("may not delegate role Administrator").contains("audit.view, licensing.manage");

        String id = inside.json().get("id").asString();
        assertThat(api.send("DELETE", "/api/v1/assignments/" + id, "hq-admin", "demo").status()).isEqualTo(204);
    }

    @Test
    void noAccessIsPlacedAndLiftedOnlyFromAboveItsScope() {
        UUID noAccess = UUID.nameUUIDFromBytes("role/No Access".getBytes(StandardCharsets.UTF_8));
        UUID hqHv01 = UUID.nameUUIDFromBytes("host/hq-hv01".getBytes(StandardCharsets.UTF_8));

        Response onTheirOwnScope = assign("hq-admin", "GROUP", "corral-admins", noAccess, "host-group:" + HQ);
        Response below = assign("hq-admin", "GROUP", "hq-night-shift", noAccess, "host:" + hqHv01);

        assertThat(onTheirOwnScope.status()).as("would lock out those above").isEqualTo(403);
        assertThat(below.status()).as(below.body()).isEqualTo(201);
        assertThat(api.send("DELETE", "/api/v1/assignments/" + below.json().get("id").asString(), "hq-admin", "demo").status())
                .isEqualTo(204);
    }

    @Test
    void nothingIsAssignedToAPrincipalWhoHoldsRightsBeyondTheAssignersScope() {
        UUID noAccess = UUID.nameUUIDFromBytes("role/No Access".getBytes(StandardCharsets.UTF_8));
        UUID hqHv01 = UUID.nameUUIDFromBytes("host/hq-hv01".getBytes(StandardCharsets.UTF_8));
        long refusedOnHost = refusals("hq-admin", hqHv01);
        long refusedOnHq = refusals("hq-admin", HQ);

        // Administrator and Auditor everywhere, Self-Service on Branch: all beyond what hq-admin manages (HQ).
        List<Response> refused = List.of(
                assign("hq-admin", "GROUP", "corral-admins", noAccess, "host:" + hqHv01),
                assign("hq-admin", "GROUP", "Auditors", noAccess, "host:" + hqHv01),
                assign("hq-admin", "USER", "admin", noAccess, "host:" + hqHv01),
                assign("hq-admin", "GROUP", "developers", VM_OPERATOR, "host-group:" + HQ));

        for (Response response : refused) {
            assertThat(response.status()).as(response.body()).isEqualTo(403);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().get("detail").asString()).contains("holds rights beyond what hq-admin manages");
        }
        assertThat(refused.get(2).json().get("detail").asString()).startsWith("hq-admin may not assign roles to user admin:");
        assertThat(refusals("hq-admin", hqHv01)).as("each refusal audited").isEqualTo(refusedOnHost + 3);
        assertThat(refusals("hq-admin", HQ)).isEqualTo(refusedOnHq + 1);
        assertThat(api.get("/api/v1/assignments", "admin", "demo").json().valueStream()
                .filter(a -> a.get("createdBy").asString().equals("hq-admin")).toList()).as("nothing was assigned").isEmpty();

        // The same assigner may still give what it holds to a group that holds nothing beyond HQ.
        Response ownGroup = assign("hq-admin", "GROUP", "hq-admins", VM_OPERATOR, "host:" + hqHv01);
        assertThat(ownGroup.status()).as(ownGroup.body()).isEqualTo(201);
        assertThat(api.send("DELETE", "/api/v1/assignments/" + ownGroup.json().get("id").asString(), "hq-admin", "demo")
                .status()).isEqualTo(204);
    }

    private long refusals(String principal, UUID object) {
        return api.get("/api/v1/audit?outcome=REFUSED&principal=" + principal + "&object=" + object, "auditor", "demo")
                .json().get("totalElements").asLong();
    }

    @Test
    void unknownAssignmentsAre404() {
        assertThat(api.send("DELETE", "/api/v1/assignments/" + UUID.randomUUID(), "admin", "demo").status()).isEqualTo(404);
    }

    @Test
    void usersWithoutAccessManageAssignNothing() {
        Response response = assign("dev", "USER", "dev", ADMINISTRATOR, "global");

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.json().get("detail").asString()).contains("dev may not access.manage");
    }

    @Test
    void malformedAssignmentsAre400() {
        Response noScope = assign("admin", "GROUP", "x", VM_OPERATOR, "rack:12");
        Response noName = assign("admin", "GROUP", " ", VM_OPERATOR, "global");

        assertThat(noScope.status()).isEqualTo(400);
        assertThat(noScope.json().get("errors").get(0).get("field").asString()).isEqualTo("scope");
        assertThat(noName.status()).isEqualTo(400);
        assertThat(noName.json().get("errors").get(0).get("field").asString()).isEqualTo("principalName");
    }

    @Test
    void aGroupsNewRoleReachesItsMembersAtTheirNextCall() {
        Response granted = assign("admin", "GROUP", "auditors", VM_OPERATOR, "host-group:" + HQ);
        assertThat(granted.status()).isEqualTo(201);

        List<String> roles = api.get("/api/v1/me", "auditor", "demo").json().get("roles").valueStream()
                .map(r -> r.get("role").asString()).toList();

        assertThat(roles).contains("Auditor", "VM Operator");
        api.send("DELETE", "/api/v1/assignments/" + granted.json().get("id").asString(), "admin", "demo");
    }

    @Test
    void customRolesAreMadeOnlyFromPermissionsTheMakerHoldsEverywhere() {
        Response made = api.post("/api/v1/roles", "admin", "demo",
                "{\"name\":\"Snapshot Keeper\",\"description\":\"Takes snapshots\",\"permissions\":[\"inventory.view\",\"vm.snapshot\"]}");
        Response duplicate = api.post("/api/v1/roles", "admin", "demo", "{\"name\":\"snapshot keeper\",\"permissions\":[\"vm.snapshot\"]}");
        Response unknown = api.post("/api/v1/roles", "admin", "demo", "{\"name\":\"X\",\"permissions\":[\"vm.fly\"]}");
        Response byDelegate = api.post("/api/v1/roles", "hq-admin", "demo", "{\"name\":\"Mine\",\"permissions\":[\"vm.power\"]}");

        assertThat(made.status()).as(made.body()).isEqualTo(201);
        assertThat(made.json().get("builtIn").asBoolean()).isFalse();
        assertThat(duplicate.status()).isEqualTo(400);
        assertThat(unknown.json().get("errors").get(0).get("field").asString()).isEqualTo("permissions");
        assertThat(byDelegate.status()).as("access.manage on HQ only is not enough for a global role").isEqualTo(403);

        String roleId = made.json().get("id").asString();
        Response assigned = api.post("/api/v1/assignments", "admin", "demo", "{\"principalType\":\"GROUP\",\"principalName\":"
                + "\"operators\",\"roleId\":\"" + roleId + "\",\"scope\":\"host-group:" + HQ + "\"}");
        assertThat(api.send("DELETE", "/api/v1/roles/" + roleId, "admin", "demo").status()).as("still assigned").isEqualTo(400);
        api.send("DELETE", "/api/v1/assignments/" + assigned.json().get("id").asString(), "admin", "demo");
        assertThat(api.send("DELETE", "/api/v1/roles/" + roleId, "admin", "demo").status()).isEqualTo(204);
    }

    private Response assign(String user, String type, String principal, UUID role, String scope) {
        String json = "{\"principalType\":\"" + type + "\",\"principalName\":\"" + principal + "\",\"roleId\":\"" + role
                + "\",\"scope\":\"" + scope + "\"}";
        return api.post("/api/v1/assignments", user, "demo", json);
    }
}
