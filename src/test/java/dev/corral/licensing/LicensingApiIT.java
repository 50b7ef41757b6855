package dev.corral.licensing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corral.support.ApiClient;
import dev.corral.support.ApiClient.Response;
import dev.corral.support.CorralIntegrationTest;
import dev.corral.support.DemoFleet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Windows licensing through the API on the simulated demo fleet: br-hv01 runs Windows Server 2008
 * Standard (1 running Windows VM) with br-file01 running and br-print01 off.
 */
@CorralIntegrationTest
class LicensingApiIT {

    static final UUID BR_HV01 = DemoFleet.host("br-hv01");
    static final UUID BR_HV02 = DemoFleet.host("br-hv02");
    static final UUID HQ_HV01 = DemoFleet.host("hq-hv01");
    static final UUID BRANCH = DemoFleet.group("Branch");
    static final UUID HQ = DemoFleet.group("HQ");
    static final UUID BR_FILE01 = DemoFleet.vm("br-hv01/br-file01");
    static final UUID BR_PRINT01 = DemoFleet.vm("br-hv01/br-print01");
    static final String REFUSAL = "br-hv01 runs Windows Server 2008 Standard, which allows 1 running Windows VM; "
            + "br-file01 uses it. Shut it down or save its state first, or start br-print01 on a host with free rights.";

    @LocalServerPort
    int port;

    ApiClient api;

    @BeforeEach
    void fleetAsShipped() throws InterruptedException {
        api = new ApiClient(port);
        api.send("DELETE", "/api/v1/licensing/policy/host-groups/" + BRANCH, "admin", "demo");
        ensure(BR_PRINT01, "OFF");
        ensure(BR_FILE01, "RUNNING");
    }

    @AfterEach
    void enforceAgain() {
        api.send("DELETE", "/api/v1/licensing/policy/host-groups/" + BRANCH, "admin", "demo");
    }

    @Test
    void theEditionsTableIsServedWithEachEditionsLimits() {
        JsonNode editions = api.get("/api/v1/licensing/editions", "auditor", "demo").json();

        assertThat(editions.valueStream().map(e -> e.get("name").asString())).hasSize(13)
                .contains("Windows Server 2008 Standard", "Windows Server 2025 Datacenter");
        JsonNode standard = editions.valueStream().filter(e -> e.get("name").asString().equals("Windows Server 2008 Standard"))
                .findFirst().orElseThrow();
        assertThat(standard.get("windowsVmsPerLicence").asInt()).isEqualTo(1);
        assertThat(standard.get("stackable").asBoolean()).isFalse();
        assertThat(standard.get("maxSockets").asInt()).isEqualTo(4);
        assertThat(standard.get("maxMemoryGiB").asInt()).isEqualTo(32);
        assertThat(standard.get("failoverClustering").asBoolean()).isFalse();
        assertThat(standard.get("maxVcpusPerVm").asInt()).isEqualTo(4);
        assertThat(standard.get("maxMemoryPerVmGiB").asInt()).isEqualTo(64);
    }

    @Test
    void complianceShowsEachVisibleHostsRightsAndWhatRunsAndOnlyThat() {
        JsonNode all = api.get("/api/v1/licensing/compliance", "admin", "demo").json();
        JsonNode branch = api.get("/api/v1/licensing/compliance", "branch-ops", "demo").json();

        assertThat(hostNames(all)).containsExactlyInAnyOrder("hq-hv01", "hq-hv02", "br-hv01", "br-hv02");
        assertThat(hostNames(branch)).containsExactlyInAnyOrder("br-hv01", "br-hv02");
        JsonNode brHv01 = host(all, "br-hv01");
        assertThat(brHv01.get("edition").asString()).isEqualTo("Windows Server 2008 Standard");
        assertThat(brHv01.get("rights").asInt()).isEqualTo(1);
        assertThat(brHv01.get("windowsRunning").asInt()).isEqualTo(1);
        assertThat(brHv01.get("runningVms").valueStream().map(JsonNode::asString)).containsExactly("br-file01");
        assertThat(brHv01.get("headroom").asInt()).isZero();
        assertThat(brHv01.get("status").asString()).isEqualTo("AT_LIMIT");
        assertThat(brHv01.get("mode").asString()).isEqualTo("enforce");
        JsonNode datacenter = host(all, "hq-hv01");
        assertThat(datacenter.get("status").asString()).isEqualTo("UNLIMITED");
        assertThat(datacenter.get("rights").isNull()).isTrue();
        assertThat(all.get("totals").get("hosts").asInt()).isEqualTo(4);
        assertThat(all.get("totals").get("unlimitedHosts").asInt()).isEqualTo(1);
    }

    @Test
    void aSecondWindowsVmOnAStandardHostIsRefusedBeforeAnythingHappensAndTheRefusalIsRecorded() {
        Response start = api.post("/api/v1/vms/" + BR_PRINT01 + "/actions/start", "branch-ops", "demo", "{}");

        assertThat(start.status()).as(start.body()).isEqualTo(422);
        assertThat(start.contentType()).startsWith("application/problem+json");
        assertThat(start.json().get("detail").asString()).isEqualTo(REFUSAL);
        assertThat(state(BR_PRINT01)).isEqualTo("OFF");
        JsonNode refused = api.get("/api/v1/audit?object=" + BR_PRINT01 + "&outcome=refused", "auditor", "demo").json();
        assertThat(refused.get("items").get(0).get("action").asString()).isEqualTo("vm.start");
        assertThat(refused.get("items").get(0).get("principal").asString()).isEqualTo("branch-ops");
        assertThat(refused.get("items").get(0).get("details").asString()).isEqualTo("Refused by Windows licensing: " + REFUSAL);
        JsonNode history = api.get("/api/v1/licensing/violations?host=" + BR_HV01, "branch-ops", "demo").json();
        JsonNode latest = history.get("items").get(0);
        assertThat(latest.get("vmName").asString()).isEqualTo("br-print01");
        assertThat(latest.get("refused").asBoolean()).isTrue();
        assertThat(latest.get("mode").asString()).isEqualTo("enforce");
        assertThat(latest.get("details").asString()).isEqualTo("Start refused: br-hv01 runs Windows Server 2008 Standard, "
                + "which allows 1 running Windows VM, and 1 was running.");
    }

    @Test
    void underAuditTheStartGoesAheadAndIsRecordedAsAViolation() throws InterruptedException {
        Response audit = api.send("PUT", "/api/v1/licensing/policy/host-groups/" + BRANCH, "admin", "demo", "{\"mode\":\"audit\"}");
        assertThat(audit.status()).as(audit.body()).isEqualTo(200);
        assertThat(audit.json().get("mode").asString()).isEqualTo("audit");
        try {
            Response start = api.post("/api/v1/vms/" + BR_PRINT01 + "/actions/start", "branch-ops", "demo", "{}");

            assertThat(start.status()).as(start.body()).isEqualTo(202);
            assertThat(awaitJob(start.json().get("id").asString()).get("state").asString()).isEqualTo("SUCCEEDED");
            JsonNode brHv01 = host(api.get("/api/v1/licensing/compliance", "branch-ops", "demo").json(), "br-hv01");
            assertThat(brHv01.get("status").asString()).isEqualTo("OVER");
            assertThat(brHv01.get("headroom").asInt()).isEqualTo(-1);
            assertThat(brHv01.get("statusText").asString()).isEqualTo("Over its rights by 1");
            JsonNode latest = api.get("/api/v1/licensing/violations?host=" + BR_HV01, "admin", "demo").json().get("items").get(0);
            assertThat(latest.get("refused").asBoolean()).isFalse();
            assertThat(latest.get("mode").asString()).isEqualTo("audit");
            JsonNode recorded = api.get("/api/v1/audit?object=" + BR_PRINT01, "auditor", "demo").json().get("items");
            assertThat(recorded.valueStream().filter(r -> r.get("action").asString().equals("licensing.violation")).findFirst())
                    .hasValueSatisfying(r -> assertThat(r.get("details").asString())
                            .startsWith("Allowed in audit mode beyond the host's Windows licence: br-hv01 runs"));
        } finally {
            ensure(BR_PRINT01, "OFF");
        }
    }

    @Test
    void twoSimultaneousStartsForTheLastRightGiveOneStartAndOneRefusal() throws Exception {
        UUID second = createVm("lic-race", "WINDOWS");
        ensure(BR_FILE01, "OFF");
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            CyclicBarrier together = new CyclicBarrier(2);
            List<Future<Response>> starts = new ArrayList<>();
            for (UUID vm : List.of(BR_PRINT01, second)) {
                starts.add(threads.submit(() -> {
                    together.await(5, TimeUnit.SECONDS);
                    return api.post("/api/v1/vms/" + vm + "/actions/start", "admin", "demo", "{}");
                }));
            }
            Response a = starts.get(0).get(30, TimeUnit.SECONDS);
            Response b = starts.get(1).get(30, TimeUnit.SECONDS);

            assertThat(List.of(a.status(), b.status())).containsExactlyInAnyOrder(202, 422);
            Response won = a.status() == 202 ? a : b;
            Response lost = a.status() == 202 ? b : a;
            assertThat(awaitJob(won.json().get("id").asString()).get("state").asString()).isEqualTo("SUCCEEDED");
            assertThat(lost.json().get("detail").asString()).contains("which allows 1 running Windows VM");
            assertThat(host(api.get("/api/v1/licensing/compliance", "admin", "demo").json(), "br-hv01")
                    .get("windowsRunning").asInt()).isEqualTo(1);
        } finally {
            threads.shutdownNow();
            ensure(BR_PRINT01, "OFF");
            ensure(second, "OFF");
            awaitJob(api.send("DELETE", "/api/v1/vms/" + second, "admin", "demo").json().get("id").asString());
            ensure(BR_FILE01, "RUNNING");
        }
    }

    /** A snapshot taken while running puts the VM back to running: it needs a right like a start does. */
    @Test
    void applyingASnapshotTakenWhileRunningIsAdmittedLikeAStart() throws InterruptedException {
        Response taken = api.post("/api/v1/vms/" + BR_FILE01 + "/snapshots", "admin", "demo", "{\"name\":\"lic-running\"}");
        assertThat(awaitJob(taken.json().get("id").asString()).get("state").asString()).isEqualTo("SUCCEEDED");
        String snapshot = api.get("/api/v1/vms/" + BR_FILE01 + "/snapshots", "admin", "demo").json().valueStream()
                .filter(s -> s.get("name").asString().equals("lic-running")).findFirst().orElseThrow().get("id").asString();
        try {
            ensure(BR_FILE01, "OFF");
            ensure(BR_PRINT01, "RUNNING");

            Response apply = api.post("/api/v1/vms/" + BR_FILE01 + "/snapshots/" + snapshot + "/apply", "admin", "demo", "{}");

            assertThat(apply.status()).as(apply.body()).isEqualTo(422);
            assertThat(apply.contentType()).startsWith("application/problem+json");
            assertThat(apply.json().get("detail").asString()).startsWith("br-hv01 runs Windows Server 2008 Standard, which "
                    + "allows 1 running Windows VM; br-print01 uses it.");
            assertThat(state(BR_FILE01)).isEqualTo("OFF");
            assertThat(host(api.get("/api/v1/licensing/compliance", "admin", "demo").json(), "br-hv01")
                    .get("windowsRunning").asInt()).isEqualTo(1);
            JsonNode latest = api.get("/api/v1/licensing/violations?host=" + BR_HV01, "admin", "demo").json().get("items").get(0);
            assertThat(latest.get("vmName").asString()).isEqualTo("br-file01");
            assertThat(latest.get("refused").asBoolean()).isTrue();
        } finally {
            ensure(BR_PRINT01, "OFF");
            awaitJob(api.send("DELETE", "/api/v1/vms/" + BR_FILE01 + "/snapshots/" + snapshot, "admin", "demo").json()
                    .get("id").asString());
            ensure(BR_FILE01, "RUNNING");
        }
    }

    @Test
    void aLinuxVmStartsOnAHostWhoseWindowsRightsAreAllUsed() throws InterruptedException {
        UUID linux = createVm("lic-linux", "LINUX");
        try {
            Response start = api.post("/api/v1/vms/" + linux + "/actions/start", "admin", "demo", "{}");

            assertThat(start.status()).as(start.body()).isEqualTo(202);
            assertThat(awaitJob(start.json().get("id").asString()).get("state").asString()).isEqualTo("SUCCEEDED");
        } finally {
            ensure(linux, "OFF");
            awaitJob(api.send("DELETE", "/api/v1/vms/" + linux, "admin", "demo").json().get("id").asString());
        }
    }

    @Test
    void theHypervisorsPerVmLimitsHoldAtCreateAndResize() {
        Response wide = api.post("/api/v1/vms", "admin", "demo",
                "{\"hostId\":\"" + BR_HV01 + "\",\"name\":\"too-wide\",\"vcpus\":6,\"memoryMiB\":512}");
        Response big = api.post("/api/v1/vms", "admin", "demo",
                "{\"hostId\":\"" + HQ_HV01 + "\",\"name\":\"too-big\",\"vcpus\":1,\"memoryMiB\":70000}");
        String etag = api.get("/api/v1/vms/" + BR_PRINT01, "admin", "demo").header("ETag");
        Response resize = api.send("PATCH", "/api/v1/vms/" + BR_PRINT01, "admin", "demo", "{\"vcpus\":5}",
                java.util.Map.of("If-Match", etag));

        assertThat(wide.status()).as(wide.body()).isEqualTo(400);
        assertThat(wide.json().get("errors").get(0).get("field").asString()).isEqualTo("vcpus");
        assertThat(wide.json().get("detail").asString())
                .isEqualTo("br-hv01 runs Hyper-V on Windows Server 2008, which gives a VM at most 4 virtual processors.");
        assertThat(big.status()).as(big.body()).isEqualTo(400);
        assertThat(big.json().get("errors").get(0).get("field").asString()).isEqualTo("memoryMiB");
        assertThat(big.json().get("detail").asString()).isEqualTo("hq-hv01 runs Hyper-V on Windows Server 2008, which gives "
                + "a VM at most 64 GiB of memory (65,536 MiB).");
        assertThat(resize.status()).as(resize.body()).isEqualTo(400);
        assertThat(resize.json().get("errors").get(0).get("field").asString()).isEqualTo("vcpus");
    }

    @Test
    void theEnforcementModeIsChangedOnlyWithLicensingManageWhereItApplies() {
        Response operator = api.send("PUT", "/api/v1/licensing/policy/host-groups/" + BRANCH, "branch-ops", "demo",
                "{\"mode\":\"off\"}");
        Response delegated = api.send("PUT", "/api/v1/licensing/policy/host-groups/" + HQ, "hq-admin", "demo",
                "{\"mode\":\"off\"}");
        Response global = api.send("PUT", "/api/v1/licensing/policy/global", "hq-admin", "demo", "{\"mode\":\"off\"}");
        Response bad = api.send("PUT", "/api/v1/licensing/policy/host-groups/" + BRANCH, "admin", "demo", "{\"mode\":\"strict\"}");
        Response hidden = api.send("PUT", "/api/v1/licensing/policy/host-groups/" + HQ, "branch-ops", "demo", "{\"mode\":\"off\"}");

        assertThat(operator.status()).isEqualTo(403);
        assertThat(operator.json().get("detail").asString()).contains("licensing.manage");
        assertThat(delegated.status()).isEqualTo(403);
        assertThat(global.status()).isEqualTo(403);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").get(0).get("field").asString()).isEqualTo("mode");
        assertThat(hidden.status()).isEqualTo(404);
        JsonNode policy = api.get("/api/v1/licensing/policy", "branch-ops", "demo").json();
        assertThat(policy.get("global").get("mode").asString()).isEqualTo("enforce");
        assertThat(policy.get("mayChangeGlobal").asBoolean()).isFalse();
        assertThat(policy.get("hostGroups").valueStream().map(g -> g.get("path").asString())).containsExactly("Branch");
    }

    @Test
    void aHostGroupsModeHoldsBelowItAndTheGlobalModeElsewhereAndEveryChangeIsAudited() {
        try {
            assertThat(api.send("PUT", "/api/v1/licensing/policy/global", "admin", "demo", "{\"mode\":\"off\"}").status())
                    .isEqualTo(200);
            assertThat(api.send("PUT", "/api/v1/licensing/policy/host-groups/" + BRANCH, "admin", "demo",
                    "{\"mode\":\"enforce\"}").status()).isEqualTo(200);

            JsonNode policy = api.get("/api/v1/licensing/policy", "admin", "demo").json();
            JsonNode branch = group(policy, "Branch");
            JsonNode hq = group(policy, "HQ");
            assertThat(branch.get("own").asString()).isEqualTo("enforce");
            assertThat(hq.get("own").isNull()).isTrue();
            assertThat(hq.get("effective").get("mode").asString()).isEqualTo("off");
            assertThat(hq.get("effective").get("source").asString()).isEqualTo("the global setting");
            assertThat(api.post("/api/v1/vms/" + BR_PRINT01 + "/actions/start", "admin", "demo", "{}").status()).isEqualTo(422);
            JsonNode changes = api.get("/api/v1/audit?object=Branch", "auditor", "demo").json().get("items");
            assertThat(changes.get(0).get("action").asString()).isEqualTo("licensing.mode");
            assertThat(changes.get(0).get("details").asString()).isEqualTo("Licensing enforcement for host group Branch: "
                    + "off (from the global setting) → enforce.");
        } finally {
            api.send("PUT", "/api/v1/licensing/policy/global", "admin", "demo", "{\"mode\":\"enforce\"}");
        }
    }

    @Test
    void quickMigrationToAHostWithoutFailoverClusteringIsRefusedUnderEnforce() throws InterruptedException {
        // A Linux VM without network adapters, so that nothing but the licence stands in its way.
        UUID mover = createVm(HQ_HV01, "lic-mover", "LINUX");
        patchHost(BR_HV01, "{\"cluster\":\"hq-cluster\"}");
        try {
            ensure(mover, "RUNNING");
            Response migrate = api.post("/api/v1/vms/" + mover + "/migrate", "admin", "demo",
                    "{\"targetHost\":\"" + BR_HV01 + "\"}");

            assertThat(migrate.status()).as(migrate.body()).isEqualTo(422);
            assertThat(migrate.json().get("detail").asString()).isEqualTo("br-hv01 runs Windows Server 2008 Standard, which has "
                    + "no failover clustering; quick migration of lic-mover to it needs an edition with failover clustering "
                    + "(Windows Server 2008 Enterprise or Windows Server 2008 Datacenter).");
            assertThat(host(api.get("/api/v1/licensing/compliance", "admin", "demo").json(), "br-hv01").get("warnings")
                    .valueStream().map(JsonNode::asString)).anyMatch(w -> w.contains("has no failover clustering"));
        } finally {
            patchHost(BR_HV01, "{\"cluster\":null}");
            ensure(mover, "OFF");
            awaitJob(api.send("DELETE", "/api/v1/vms/" + mover, "admin", "demo").json().get("id").asString());
        }
    }

    /** Formula neutralisation itself is CsvTest's; every free text a host row holds is checked by the server. */
    @Test
    void theCsvExportListsTheVisibleHostsAsTheyAre() {
        Response csv = api.get("/api/v1/licensing/compliance.csv", "auditor", "demo");

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).contains("corral-licensing.csv");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.getFirst()).isEqualTo("Host,Host group,Edition,Licences,Windows VMs allowed,Windows VMs running,"
                + "Headroom,Status,Enforcement");
        assertThat(lines).anyMatch(l -> l.startsWith("br-hv01,Branch,Windows Server 2008 Standard,,1,1,0,"));
        assertThat(lines).anyMatch(l -> l.startsWith("br-hv02,Branch,Windows Server 2022 Standard,"));
        // A delegated administrator's export holds the hosts where they hold reports.view: HQ's, none of Branch's.
        List<String> hq = api.get("/api/v1/licensing/compliance.csv", "hq-admin", "demo").body().lines().toList();
        assertThat(hq).anyMatch(l -> l.startsWith("hq-hv01,HQ,Windows Server 2008 Datacenter,"));
        assertThat(hq).noneMatch(l -> l.startsWith("br-hv"));
        assertThat(api.get("/api/v1/licensing/compliance.csv", "branch-ops", "demo").status()).isEqualTo(403);
        assertThat(patchHostStatus(BR_HV02, "{\"edition\":\"=HYPERLINK(\\\"http://x\\\")\"}")).isEqualTo(400);
    }

    @Test
    void theOpenApiDescriptionHasTheLicensingEndpoints() {
        JsonNode paths = api.get("/api/v1/openapi.json", "admin", "demo").json().get("paths");

        assertThat(paths.propertyNames()).contains("/api/v1/licensing/editions", "/api/v1/licensing/compliance",
                "/api/v1/licensing/compliance.csv", "/api/v1/licensing/violations", "/api/v1/licensing/policy",
                "/api/v1/licensing/policy/global", "/api/v1/licensing/policy/host-groups/{id}");
    }

    private UUID createVm(String name, String family) throws InterruptedException {
        return createVm(BR_HV01, name, family);
    }

    private UUID createVm(UUID host, String name, String family) throws InterruptedException {
        Response created = api.post("/api/v1/vms", "admin", "demo", "{\"hostId\":\"" + host + "\",\"name\":\"" + name
                + "\",\"vcpus\":1,\"memoryMiB\":512,\"guestFamily\":\"" + family + "\",\"diskGiB\":8}");
        assertThat(created.status()).as(created.body()).isEqualTo(202);
        assertThat(awaitJob(created.json().get("id").asString()).get("state").asString()).isEqualTo("SUCCEEDED");
        JsonNode found = api.get("/api/v1/vms?q=" + name, "admin", "demo").json().get("items");
        return UUID.fromString(found.get(0).get("id").asString());
    }

    private int patchHostStatus(UUID host, String json) {
        return api.send("PATCH", "/api/v1/hosts/" + host, "admin", "demo", json).status();
    }

    private void patchHost(UUID host, String json) {
        Response patched = api.send("PATCH", "/api/v1/hosts/" + host, "admin", "demo", json);
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
    }

    /** Brings the VM to RUNNING or OFF through the API, under the enforce mode's rules, and waits for it. */
    private void ensure(UUID vm, String wanted) throws InterruptedException {
        String now = state(vm);
        if (now.equals(wanted)) {
            return;
        }
        String action = wanted.equals("OFF") ? "turn-off" : now.equals("PAUSED") ? "resume" : "start";
        Response acted = api.post("/api/v1/vms/" + vm + "/actions/" + action, "admin", "demo", "{}");
        assertThat(acted.status()).as(acted.body()).isEqualTo(202);
        awaitJob(acted.json().get("id").asString());
        assertThat(state(vm)).isEqualTo(wanted);
    }

    private String state(UUID vm) {
        return api.get("/api/v1/vms/" + vm, "admin", "demo").json().get("vm").get("state").asString();
    }

    private JsonNode awaitJob(String id) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        JsonNode job = api.get("/api/v1/jobs/" + id, "admin", "demo").json();
        while (List.of("QUEUED", "RUNNING").contains(job.get("state").asString()) && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
            job = api.get("/api/v1/jobs/" + id, "admin", "demo").json();
        }
        return job;
    }

    private static List<String> hostNames(JsonNode report) {
        return report.get("hosts").valueStream().map(h -> h.get("hostName").asString()).toList();
    }

    private static JsonNode host(JsonNode report, String name) {
        return report.get("hosts").valueStream().filter(h -> h.get("hostName").asString().equals(name)).findFirst()
                .orElseThrow();
    }

    private static JsonNode group(JsonNode policy, String path) {
        return policy.get("hostGroups").valueStream().filter(g -> g.get("path").asString().equals(path)).findFirst()
                .orElseThrow();
    }
}
