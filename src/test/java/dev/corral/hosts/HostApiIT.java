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
        Response patched = api.send("PATCH", "/api/v1/hosts/" + id, "admin", "demo",
                "{\"edition\":\"Windows Server 2008 Enterprise\",\"licenceCount\":4}");
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        assertThat(patched.json().get("host").get("edition").asString()).isEqualTo("Windows Server 2008 Enterprise");
        assertThat(patched.json().get("licenceCount").asInt()).isEqualTo(4);
        Response unknown = api.send("PATCH", "/api/v1/hosts/" + id, "admin", "demo", "{\"edition\":\"Windows 3.11\"}");
        assertThat(unknown.status()).as(unknown.body()).isEqualTo(400);
        assertThat(unknown.json().get("errors").get(0).get("field").asString()).isEqualTo("edition");
        Response anyCase = api.send("PATCH", "/api/v1/hosts/" + id, "admin", "demo",
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

    // ---- A host is the hypervisor, not the text of its URI

    @Test
    void aSecondSpellingOfARegisteredSimulatedHostIsRefusedWithoutNamingAHiddenHost() {
        Response trailingSlash = register("hq-admin", "it-br-again", "sim://br-hv01/", HQ, null);
        Response otherCase = register("admin", "it-br-again", "sim://BR-HV01", BRANCH, null);

        assertField(trailingSlash, "uri");
        assertThat(trailingSlash.json().get("detail").asString()).isEqualTo("This hypervisor is registered in Corral already.");
        assertField(otherCase, "uri");
        assertThat(otherCase.json().get("detail").asString())
                .isEqualTo("This hypervisor is registered already, as host br-hv01.");
        assertThat(names(api.get("/api/v1/hosts", "admin", "demo").json())).doesNotContain("it-br-again");
    }

    @Test
    void aSecondSpellingOfATestDriverNodeFileIsRefused() {
        UUID group = createGroup("admin", "Twice " + UUID.randomUUID().toString().substring(0, 8), HQ);
        assertThat(register("admin", "it-once", testHostUri("host-b.xml"), group, null).status()).isEqualTo(201);
        String again = testHostUri("host-b.xml").replace("/host-b.xml", "/./host-b.xml");

        Response refused = register("admin", "it-twice", again, group, null);

        assertField(refused, "uri");
        assertThat(refused.json().get("detail").asString()).isEqualTo("This hypervisor is registered already, as host it-once.");
        assertThat(names(api.get("/api/v1/hosts", "admin", "demo").json())).contains("it-once").doesNotContain("it-twice");
    }

    @Test
    void aHostJoinsOnlyAClusterWhoseHostsTheRegistrarManagesAll() {
        String branchCluster = "it-br-" + UUID.randomUUID().toString().substring(0, 8);
        UUID branchGroup = createGroup("admin", "Cl " + UUID.randomUUID().toString().substring(0, 8), BRANCH);
        Response branchHost = registerJson("admin", "{\"name\":\"it-br-member\",\"uri\":\""
                + testHostUri("host-b.xml") + "\",\"hostGroupId\":\"" + branchGroup + "\",\"cluster\":\"" + branchCluster + "\"}");
        assertThat(branchHost.status()).as(branchHost.body()).isEqualTo(201);

        Response joinOnRegistration = registerJson("hq-admin", "{\"name\":\"it-hq-joiner\",\"uri\":\""
                + testHostUri("host-a.xml") + "\",\"hostGroupId\":\"" + HQ + "\",\"cluster\":\"" + branchCluster.toUpperCase() + "\"}");
        Response joinByChange = api.send("PATCH", "/api/v1/hosts/" + HQ_HV01, "hq-admin", "demo",
                "{\"cluster\":\"" + branchCluster + "\"}");

        for (Response refused : List.of(joinOnRegistration, joinByChange)) {
            assertThat(refused.status()).as(refused.body()).isEqualTo(403);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().get("detail").asString()).contains("host.manage").doesNotContain("it-br-member");
        }
        assertThat(names(api.get("/api/v1/hosts", "admin", "demo").json())).doesNotContain("it-hq-joiner");
        assertThat(api.get("/api/v1/hosts/" + HQ_HV01, "admin", "demo").json().get("host").get("cluster").asString())
                .isEqualTo("hq-cluster");
        Response managedCluster = registerJson("hq-admin", "{\"name\":\"it-hq-member\",\"uri\":\""
                + testHostUri("host-a.xml") + "\",\"hostGroupId\":\"" + HQ + "\",\"cluster\":\"hq-cluster\"}");
        assertThat(managedCluster.status()).as(managedCluster.body()).isEqualTo(201);
    }

    // ---- A host URI does not reach the Corral server's files

    @Test
    void aTestDriverUriOutsideTheConfiguredFolderIsRefusedWithoutReadingTheFile() {
        Response passwd = register("hq-admin", "it-passwd", "test:///etc/passwd", HQ, null);
        Response climbing = register("hq-admin", "it-passwd",
                testHostUri("host-a.xml").replace("/host-a.xml", "/../../../../../../../../etc/passwd"), HQ, null);

        for (Response refused : List.of(passwd, climbing)) {
            assertField(refused, "uri");
            assertThat(refused.json().get("detail").asString())
                    .isEqualTo("Corral takes libvirt test-driver node files only from its test-driver folder "
                            + "(corral.engine.libvirt.test-driver-dir).");
        }
    }

    @Test
    void aFileThatIsNoNodeDescriptionIsRefusedInCorralsWordsOnly() {
        Response refused = register("hq-admin", "it-not-a-node", testHostUri("not-a-node.txt"), HQ, null);

        assertField(refused, "uri");
        assertThat(refused.json().get("detail").asString()).doesNotContain("corral-secret-line")
                .startsWith("Corral could not register it-not-a-node: Could not connect to host ");
        assertThat(names(api.get("/api/v1/hosts", "admin", "demo").json())).doesNotContain("it-not-a-node");
    }

    // ---- Editions and licence counts are licensing

    @Test
    void editionAndLicenceCountNeedLicensingManageAtTheHost() {
        JsonNode before = api.get("/api/v1/hosts/" + HQ_HV01, "admin", "demo").json();
        String edition = before.get("host").get("edition").asString();
        int refusalsBefore = refusals("licensing.manage");

        Response withEdition = registerJson("hq-admin", "{\"name\":\"it-lic\",\"uri\":\""
                + testHostUri("host-a.xml") + "\",\"hostGroupId\":\"" + HQ + "\",\"edition\":\"Windows Server 2008 Standard\"}");
        Response withLicences = register("hq-admin", "it-lic", testHostUri("host-a.xml"), HQ, 8);
        Response editionOfHqHv01 = api.send("PATCH", "/api/v1/hosts/" + HQ_HV01, "hq-admin", "demo",
                "{\"edition\":\"" + (edition.endsWith("Standard") ? "Windows Server 2008 Enterprise" : "Windows Server 2008 Standard") + "\"}");
        Response licencesOfHqHv01 = api.send("PATCH", "/api/v1/hosts/" + HQ_HV01, "hq-admin", "demo", "{\"licenceCount\":"
                + (before.get("licenceCount").isNull() ? 16 : before.get("licenceCount").asInt() + 1) + "}");
        Response sameEditionOtherCase = api.send("PATCH", "/api/v1/hosts/" + HQ_HV01, "hq-admin", "demo",
                "{\"edition\":\"" + edition.toLowerCase() + "\",\"cluster\":\"" + before.get("host").get("cluster").asString() + "\"}");

        for (Response refused : List.of(withEdition, withLicences, editionOfHqHv01, licencesOfHqHv01)) {
            assertThat(refused.status()).as(refused.body()).isEqualTo(403);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().get("detail").asString()).contains("licensing.manage");
        }
        assertThat(sameEditionOtherCase.status()).as(sameEditionOtherCase.body()).isEqualTo(200);
        JsonNode after = api.get("/api/v1/hosts/" + HQ_HV01, "admin", "demo").json();
        assertThat(after.get("host").get("edition").asString()).isEqualTo(edition);
        assertThat(after.get("licenceCount")).isEqualTo(before.get("licenceCount"));
        assertThat(names(api.get("/api/v1/hosts", "admin", "demo").json())).doesNotContain("it-lic");
        assertThat(refusals("licensing.manage") - refusalsBefore).isEqualTo(4);
    }

    /** How many refusals of hq-admin's the audit trail holds for this permission. */
    private int refusals(String permission) {
        return (int) api.get("/api/v1/audit?principal=hq-admin&outcome=REFUSED&size=500", "admin", "demo").json().get("items")
                .valueStream().filter(e -> e.get("action").asString().equals(permission)).count();
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
        return registerJson(user, "{\"name\":\"" + name + "\",\"uri\":\"" + uri
                + "\",\"hostGroupId\":\"" + group + "\",\"licenceCount\":" + licences + "}");
    }

    /** Registers a host as given; one that was registered is removed after the test, whatever it asserts. */
    private Response registerJson(String user, String json) {
        Response response = api.post("/api/v1/hosts", user, "demo", json);
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
