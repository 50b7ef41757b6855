package dev.corral.hosts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corral.support.ApiClient;
import dev.corral.support.ApiClient.Response;
import dev.corral.support.CorralIntegrationTest;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Host groups and host registration through the API, with the demo fleet and the demo users' rights. */
@CorralIntegrationTest
class HostApiIT {

    static final UUID HQ = UUID.nameUUIDFromBytes("group/HQ".getBytes(StandardCharsets.UTF_8));
    static final UUID BRANCH = UUID.nameUUIDFromBytes("group/Branch".getBytes(StandardCharsets.UTF_8));
    static final UUID BR_HV01 = UUID.nameUUIDFromBytes("host/br-hv01".getBytes(StandardCharsets.UTF_8));
    static final UUID HQ_HV01 = UUID.nameUUIDFromBytes("host/hq-hv01".getBytes(StandardCharsets.UTF_8));

    @LocalServerPort
    int port;

    ApiClient api;
    private final List<String> cleanUp = new ArrayList<>();

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    /** Removes what a test created, hosts before the groups they sit in. */
    @AfterEach
    void removeWhatWasCreated() {
        for (String path : cleanUp.reversed()) {
            api.send("DELETE", path, "admin", "demo");
        }
    }

    /** A libvirt test-driver host, from a node file of the test resources. */
    static String testHostUri(String file) {
        try {
            return "test://" + Path.of(HostApiIT.class.getResource("/libvirt/" + file).toURI()).toAbsolutePath();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anAdministratorRegistersATestDriverHostInANewGroupAndReadsItsFacts() {
        UUID group = createGroup("admin", "Lab " + UUID.randomUUID().toString().substring(0, 8), HQ);

        Response registered = register("admin", "it-host-b", testHostUri("host-b.xml"), group, 2);

        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        String id = registered.json().get("host").get("id").asString();
        JsonNode host = api.get("/api/v1/hosts/" + id, "admin", "demo").json();
        assertThat(host.get("facts").get("logicalProcessors").asInt()).isEqualTo(8);
        assertThat(host.get("facts").get("memoryTotalMiB").asLong()).isEqualTo(16384);
        assertThat(host.get("licenceCount").asInt()).isEqualTo(2);
        assertThat(host.get("hostGroupPath").asString()).startsWith("HQ / Lab ");
        assertThat(host.get("requirements").valueStream().map(r -> r.get("requirement").asString()))
                .containsExactly("64-bit processor", "Hardware virtualization", "Data Execution Prevention");
        assertThat(host.get("allocation").get("vms").asInt()).as("the host's VMs are not registered").isZero();
        assertThat(host.get("health").get("reachable").asBoolean()).isTrue();
        assertThat(names(api.get("/api/v1/hosts", "admin", "demo").json())).contains("it-host-b");
        JsonNode audit = api.get("/api/v1/audit?object=" + id, "admin", "demo").json();
        assertThat(audit.get("items").valueStream().map(e -> e.get("action").asString())).contains("host.register");
        assertThat(audit.get("items").get(0).get("channel").asString()).isEqualTo("API");
    }

    @Test
    void duplicateNamesAndUrisAreRefusedAtTheirField() {
        UUID group = createGroup("admin", "Dup " + UUID.randomUUID().toString().substring(0, 8), HQ);
        assertThat(register("admin", "it-dup", testHostUri("host-b.xml"), group, null).status()).isEqualTo(201);

        Response sameName = register("admin", "IT-DUP", "sim://whatever", group, null);
        Response sameUri = register("admin", "it-dup-2", testHostUri("host-b.xml"), group, null);
        Response sameGroupName = api.post("/api/v1/host-groups", "admin", "demo",
                "{\"name\":\"" + api.get("/api/v1/host-groups", "admin", "demo").json().valueStream()
                        .filter(g -> g.get("id").asString().equals(group.toString())).findFirst().orElseThrow()
                        .get("name").asString().toUpperCase() + "\",\"parentId\":\"" + HQ + "\"}");

        assertField(sameName, "name");
        assertField(sameUri, "uri");
        assertField(sameGroupName, "name");
    }

    @Test
    void anUnreachableHostIsRefusedWithTheEnginesSentenceAndNothingIsSaved() {
        Response refused = register("admin", "it-ghost", "sim://no-such-host", HQ, null);
        Response badUri = register("admin", "it-ghost", "no scheme here", HQ, null);

        assertField(refused, "uri");
        assertThat(refused.json().get("detail").asString()).contains("No simulated host answers");
        assertField(badUri, "uri");
        assertThat(names(api.get("/api/v1/hosts", "admin", "demo").json())).doesNotContain("it-ghost");
    }

    @Test
    void aDelegatedAdministratorRegistersInTheirHostGroupOnly() {
        Response inHq = register("hq-admin", "it-hq-host", testHostUri("host-a.xml"), HQ, null);
        Response inBranch = register("hq-admin", "it-branch-host", testHostUri("host-a.xml"), BRANCH, null);
        Response groupInBranch = api.post("/api/v1/host-groups", "hq-admin", "demo",
                "{\"name\":\"Not mine\",\"parentId\":\"" + BRANCH + "\"}");

        assertThat(inHq.status()).as(inHq.body()).isEqualTo(201);
        // Branch is hidden from hq-admin: refusals there answer as for a host group that does not exist.
        assertThat(inBranch.status()).isEqualTo(404);
        assertThat(inBranch.json().get("detail").asString()).doesNotContain("Branch");
        assertThat(groupInBranch.status()).isEqualTo(404);
        String id = inHq.json().get("host").get("id").asString();
        Response patched = api.send("PATCH", "/api/v1/hosts/" + id, "hq-admin", "demo",
                "{\"edition\":\"Windows Server 2008 Enterprise\",\"licenceCount\":4}");
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        assertThat(patched.json().get("host").get("edition").asString()).isEqualTo("Windows Server 2008 Enterprise");
        assertThat(patched.json().get("licenceCount").asInt()).isEqualTo(4);
        Response unknown = api.send("PATCH", "/api/v1/hosts/" + id, "hq-admin", "demo", "{\"edition\":\"Windows 3.11\"}");
        assertThat(unknown.status()).as(unknown.body()).isEqualTo(400);
        assertThat(unknown.json().get("errors").get(0).get("field").asString()).isEqualTo("edition");
        Response anyCase = api.send("PATCH", "/api/v1/hosts/" + id, "hq-admin", "demo",
                "{\"edition\":\"windows server 2008 datacenter\"}");
        assertThat(anyCase.json().get("host").get("edition").asString()).isEqualTo("Windows Server 2008 Datacenter");
        assertThat(api.send("DELETE", "/api/v1/hosts/" + id, "hq-admin", "demo").status()).isEqualTo(204);
        assertThat(api.get("/api/v1/hosts/" + id, "admin", "demo").status()).isEqualTo(404);
    }

    @Test
    void anOperatorAndAnAuditorSeeButChangeNothing() {
        Response operator = register("branch-ops", "it-op-host", "sim://whatever", BRANCH, null);
        Response auditorGroups = api.get("/api/v1/host-groups", "auditor", "demo");
        Response auditorHosts = api.get("/api/v1/hosts", "auditor", "demo");
        Response auditorPost = api.post("/api/v1/host-groups", "auditor", "demo", "{\"name\":\"Audit\",\"parentId\":null}");
        Response auditorHost = register("auditor", "it-audit-host", "sim://whatever", HQ, null);

        assertThat(operator.status()).isEqualTo(403);
        assertThat(auditorGroups.status()).isEqualTo(200);
        assertThat(auditorGroups.json().valueStream().map(g -> g.get("name").asString())).contains("HQ", "Branch");
        assertThat(names(auditorHosts.json())).contains("hq-hv01", "br-hv01");
        assertThat(auditorPost.status()).isEqualTo(403);
        assertThat(auditorHost.status()).isEqualTo(403);
    }

    @Test
    void nonEmptyGroupsAndHostsWithVmsAreNotRemoved() {
        Response group = api.send("DELETE", "/api/v1/host-groups/" + HQ, "admin", "demo");
        Response host = api.send("DELETE", "/api/v1/hosts/" + BR_HV01, "admin", "demo");

        assertField(group, "id");
        assertThat(group.json().get("detail").asString()).contains("hq-hv01");
        assertField(host, "id");
        assertThat(host.json().get("detail").asString()).contains("registered VM");
        assertThat(api.get("/api/v1/hosts/" + BR_HV01, "admin", "demo").status()).isEqualTo(200);
    }

    @Test
    void groupsMoveButNeverBelowThemselves() {
        UUID outer = createGroup("admin", "Outer " + UUID.randomUUID().toString().substring(0, 8), HQ);
        UUID inner = createGroup("admin", "Inner", outer);

        Response cycle = api.send("PATCH", "/api/v1/host-groups/" + outer, "admin", "demo",
                "{\"parentId\":\"" + inner + "\"}");
        Response renamed = api.send("PATCH", "/api/v1/host-groups/" + inner, "admin", "demo", "{\"name\":\"Rack 9\"}");

        assertField(cycle, "parentId");
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.json().get("path").asString()).startsWith("HQ / Outer ").endsWith(" / Rack 9");
    }

    @Test
    void hostsAndGroupsOutsideTheCallersScopeAnswer404() {
        assertThat(api.get("/api/v1/hosts/" + BR_HV01, "hq-admin", "demo").status()).isEqualTo(404);
        assertThat(api.send("PATCH", "/api/v1/hosts/" + BR_HV01, "hq-admin", "demo", "{\"licenceCount\":2}").status())
                .isEqualTo(404);
        assertThat(api.send("DELETE", "/api/v1/host-groups/" + BRANCH, "hq-admin", "demo").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/hosts/" + HQ_HV01, "branch-ops", "demo").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/hosts/" + UUID.randomUUID(), "admin", "demo").status()).isEqualTo(404);
        assertThat(names(api.get("/api/v1/hosts", "hq-admin", "demo").json())).contains("hq-hv01").doesNotContain("br-hv01");
    }

    private UUID createGroup(String user, String name, UUID parent) {
        Response created = api.post("/api/v1/host-groups", user, "demo",
                "{\"name\":\"" + name + "\",\"parentId\":\"" + parent + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        UUID id = UUID.fromString(created.json().get("id").asString());
        cleanUp.add("/api/v1/host-groups/" + id);
        return id;
    }

    private Response register(String user, String name, String uri, UUID group, Integer licences) {
        Response response = api.post("/api/v1/hosts", user, "demo", "{\"name\":\"" + name + "\",\"uri\":\"" + uri
                + "\",\"hostGroupId\":\"" + group + "\",\"licenceCount\":" + licences + "}");
        if (response.status() == 201) {
            cleanUp.add("/api/v1/hosts/" + response.json().get("host").get("id").asString());
        }
        return response;
    }

    private static void assertField(Response response, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
    }

    private static List<String> names(JsonNode list) {
        return list.valueStream().map(h -> h.get("name").asString()).toList();
    }
}
