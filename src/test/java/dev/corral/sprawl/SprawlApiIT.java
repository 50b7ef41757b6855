package dev.corral.sprawl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corral.engine.Engines;
import dev.corral.engine.HostConnection;
import dev.corral.engine.VmSpec;
import dev.corral.engine.sim.SimulatorEngine;
import dev.corral.support.ApiClient.Response;
import dev.corral.support.CorralIntegrationTest;
import dev.corral.support.DemoFleet;
import dev.corral.support.MutableClock;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Sprawl tracking on the simulated demo fleet, through the API: the VMs the hosts run but nobody
 * registered, a VM removed behind the console's back, adoption, ignoring, lease renewal, exports
 * and who sees what. The VMs these tests act on are their own; the demo fleet's are only read.
 */
@CorralIntegrationTest
class SprawlApiIT {

    static final UUID BR_HV01 = DemoFleet.host("br-hv01");
    static final UUID BR_HV02 = DemoFleet.host("br-hv02");
    static final UUID HQ_HV02 = DemoFleet.host("hq-hv02");

    @LocalServerPort
    int port;

    @Autowired
    Engines engines;

    @Autowired
    SimulatorEngine simulator;

    @Autowired
    MutableClock clock;

    SprawlCalls calls;

    @BeforeEach
    void client() {
        calls = new SprawlCalls(port);
    }

    @Test
    void theVmsTheHostsRunButNobodyRegisteredAreUnmanagedAfterTheFirstScan() {
        JsonNode report = calls.scan("admin");

        assertThat(report.get("hosts").asInt()).isGreaterThanOrEqualTo(4);
        assertThat(calls.names("admin", "unmanaged", "open")).contains("old-test-07", "tmp-copy-of-br-app01", "scratch-vm");
        JsonNode stray = calls.finding("admin", "unmanaged", "tmp-copy-of-br-app01");
        assertThat(stray.get("hostName").asString()).isEqualTo("br-hv02");
        assertThat(stray.get("hostGroup").asString()).isEqualTo("Branch");
        assertThat(stray.get("details").asString()).contains("not in the inventory", "Rocky Linux 9", "running");
        // Each sees the findings of what they may see: the operator Branch's, the delegate HQ's, the
        // self-service user none (an unmanaged VM is nobody's).
        assertThat(calls.names("branch-ops", "unmanaged", "open")).contains("tmp-copy-of-br-app01", "scratch-vm")
                .doesNotContain("old-test-07");
        assertThat(calls.names("hq-admin", "unmanaged", "open")).contains("old-test-07")
                .doesNotContain("tmp-copy-of-br-app01", "scratch-vm");
        assertThat(calls.names("dev", "unmanaged", "open")).isEmpty();
        Response hidden = calls.api.get("/api/v1/sprawl/findings/" + stray.get("id").asString(), "hq-admin", "demo");
        assertThat(hidden.status()).isEqualTo(404);
    }

    @Test
    void aVmRemovedBehindTheConsolesBackIsMissingUntilItsRemovalIsConfirmed() throws Exception {
        UUID gone = calls.createVm(BR_HV02, "sprawl-gone", null);
        host("br-hv02").delete(gone);

        calls.scan("admin");

        JsonNode missing = calls.finding("admin", "missing", "sprawl-gone");
        assertThat(missing.get("state").asString()).isEqualTo("OPEN");
        assertThat(missing.get("details").asString()).contains("br-hv02 no longer has it");
        Response operator = calls.resolve("branch-ops", missing.get("id").asString(), "{\"action\":\"remove\"}");
        assertThat(operator.status()).as(operator.body()).isEqualTo(403);
        assertThat(operator.json().get("detail").asString()).contains("vm.delete");
        Response removed = calls.resolve("admin", missing.get("id").asString(), "{\"action\":\"remove\"}");
        assertThat(removed.status()).as(removed.body()).isEqualTo(200);
        assertThat(removed.json().get("state").asString()).isEqualTo("RESOLVED");
        assertThat(removed.json().get("closedBy").asString()).isEqualTo("admin");
        assertThat(calls.api.get("/api/v1/vms/" + gone, "admin", "demo").status()).isEqualTo(404);
        assertThat(audit("vm.forget", gone)).anyMatch(a -> a.get("outcome").asString().equals("SUCCESS"));
    }

    @Test
    void aHostThatDoesNotAnswerReportsNothingMissingAndTheScanSaysSo() throws Exception {
        UUID silent = calls.createVm(BR_HV01, "sprawl-silent", null);
        host("br-hv01").delete(silent);
        JsonNode report;
        try {
            simulator.faults("br-hv01").setUnreachable(true);
            report = calls.scan("admin");
            Response unknown = calls.api.post("/api/v1/sprawl/findings/resolve", "admin", "demo",
                    "{\"ids\":[\"" + UUID.randomUUID() + "\"],\"action\":\"remove\"}");
            assertThat(unknown.status()).isEqualTo(200);
            assertThat(unknown.json().get(0).get("resolved").asBoolean()).isFalse();
        } finally {
            simulator.faults("br-hv01").setUnreachable(false);
        }

        assertThat(report.get("unanswered").valueStream().map(u -> u.get("hostName").asString())).contains("br-hv01");
        assertThat(calls.names("admin", "missing", "all")).doesNotContain("sprawl-silent");
        calls.scan("admin");
        JsonNode missing = calls.finding("admin", "missing", "sprawl-silent");
        assertThat(calls.resolve("admin", missing.get("id").asString(), "{\"action\":\"remove\"}").status()).isEqualTo(200);
    }

    @Test
    void anUnmanagedVmIsAdoptedWithAnOwnerAndAPurposeByWhoeverMayCreateVmsOnItsHost() throws Exception {
        UUID stray = host("br-hv02").define(spec("sprawl-stray")).id();
        calls.scan("admin");
        String finding = calls.finding("admin", "unmanaged", "sprawl-stray").get("id").asString();
        try {
            assertThat(calls.resolve("dev", finding, "{\"action\":\"adopt\",\"purpose\":\"mine now\"}").status())
                    .isEqualTo(404);
            Response operator = calls.resolve("branch-ops", finding, "{\"action\":\"adopt\",\"purpose\":\"x\"}");
            assertThat(operator.status()).isEqualTo(403);
            assertThat(operator.json().get("detail").asString()).contains("vm.create");
            Response noPurpose = calls.resolve("admin", finding, "{\"action\":\"adopt\",\"owner\":\"branch-ops\"}");
            assertThat(noPurpose.status()).isEqualTo(400);
            assertThat(noPurpose.json().get("errors").get(0).get("field").asString()).isEqualTo("purpose");
            Response nobody = calls.resolve("admin", finding, "{\"action\":\"adopt\",\"owner\":\"nobody-here\",\"purpose\":\"x\"}");
            assertThat(nobody.json().get("errors").get(0).get("field").asString()).isEqualTo("owner");
            Response wrong = calls.resolve("admin", finding, "{\"action\":\"extend-lease\"}");
            assertThat(wrong.json().get("errors").get(0).get("field").asString()).isEqualTo("action");

            String lease = LocalDate.now(clock).plusDays(20).toString();
            Response adopted = calls.resolve("admin", finding, "{\"action\":\"adopt\",\"owner\":\"branch-ops\","
                    + "\"purpose\":\"Load tests of the branch app\",\"leaseExpires\":\"" + lease + "\",\"leaseAction\":\"SAVE\"}");

            assertThat(adopted.status()).as(adopted.body()).isEqualTo(200);
            assertThat(adopted.json().get("state").asString()).isEqualTo("RESOLVED");
            assertThat(adopted.json().get("resolution").asString()).isEqualTo("Adopted, owned by branch-ops.");
            JsonNode vm = calls.api.get("/api/v1/vms/" + stray, "branch-ops", "demo").json();
            assertThat(vm.get("vm").get("owner").asString()).isEqualTo("branch-ops");
            assertThat(vm.get("provenance").get("purpose").asString()).isEqualTo("Load tests of the branch app");
            assertThat(vm.get("provenance").get("createdBy").asString()).isEqualTo("admin");
            assertThat(vm.get("provenance").get("lease").get("expires").asString()).isEqualTo(lease);
            assertThat(audit("vm.adopt", stray)).extracting(a -> a.get("outcome").asString()).contains("SUCCESS");
            assertThat(calls.resolve("admin", finding, "{\"action\":\"adopt\",\"purpose\":\"again\"}").status()).isEqualTo(409);
            calls.scan("admin");
            assertThat(calls.names("admin", "unmanaged", "open")).doesNotContain("sprawl-stray");
        } finally {
            calls.delete(stray);
        }
    }

    @Test
    void anIgnoredUnmanagedVmIsRememberedAcrossScansUntilReopened() {
        UUID stray = host("br-hv02").define(spec("sprawl-ignored")).id();
        try {
            calls.scan("admin");
            String finding = calls.finding("admin", "unmanaged", "sprawl-ignored").get("id").asString();

            Response ignored = calls.resolve("admin", finding, "{\"action\":\"ignore\",\"note\":\"a vendor appliance\"}");
            calls.scan("admin");

            assertThat(ignored.status()).as(ignored.body()).isEqualTo(200);
            assertThat(calls.names("admin", "unmanaged", "open")).doesNotContain("sprawl-ignored");
            JsonNode after = calls.finding("admin", "unmanaged", "sprawl-ignored");
            assertThat(after.get("state").asString()).isEqualTo("IGNORED");
            assertThat(after.get("resolution").asString()).isEqualTo("Ignored: a vendor appliance");
            assertThat(calls.resolve("admin", finding, "{\"action\":\"reopen\"}").json().get("state").asString())
                    .isEqualTo("OPEN");
        } finally {
            host("br-hv02").delete(stray);
        }
        calls.scan("admin");
        assertThat(calls.finding("admin", "unmanaged", "sprawl-ignored").get("resolution").asString())
                .isEqualTo("No longer found by the scan.");
    }

    @Test
    void theOwnerRenewsTheLeaseWithinTheLongestLeaseOfTheHostGroup() throws Exception {
        LocalDate today = LocalDate.now(clock);
        UUID vm = calls.createVm(BR_HV02, "sprawl-leased", "\"owner\":\"dev\",\"leaseExpires\":\"" + today.plusDays(5)
                + "\",\"leaseAction\":\"SHUT_DOWN\"");
        try {
            JsonNode notices = calls.api.get("/api/v1/sprawl/lease-notices", "dev", "demo").json();
            assertThat(notices.get("leases").valueStream().map(l -> l.get("name").asString())).contains("sprawl-leased");

            Response renewed = renew(vm, "dev", today.plusDays(40), null);
            Response tooLong = renew(vm, "dev", today.plusDays(120), null);
            Response operator = renew(vm, "branch-ops", today.plusDays(30), null);
            Response elsewhere = renew(vm, "hq-admin", today.plusDays(30), null);
            Response past = renew(vm, "dev", today, null);

            assertThat(renewed.status()).as(renewed.body()).isEqualTo(200);
            assertThat(renewed.json().get("expires").asString()).isEqualTo(today.plusDays(40).toString());
            assertThat(renewed.json().get("action").asString()).isEqualTo("SHUT_DOWN");
            assertThat(tooLong.status()).isEqualTo(422);
            assertThat(tooLong.json().get("detail").asString()).contains("host group Branch", "90 days");
            assertThat(operator.status()).isEqualTo(403);
            assertThat(operator.json().get("detail").asString()).contains("vm.ownership");
            assertThat(elsewhere.status()).isEqualTo(404);
            assertThat(past.status()).isEqualTo(400);
            assertThat(audit("vm.lease.renew", vm)).extracting(a -> a.get("outcome").asString())
                    .contains("SUCCESS", "REFUSED");
            assertThat(renew(vm, "admin", today.plusDays(60), "SAVE").json().get("action").asString()).isEqualTo("SAVE");
            assertThat(calls.api.get("/api/v1/sprawl/lease-notices", "dev", "demo").json().get("leases")
                    .valueStream().map(l -> l.get("name").asString())).doesNotContain("sprawl-leased");
        } finally {
            calls.delete(vm);
        }
    }

    @Test
    void theInventoryAndTheFindingsExportAsCsvWithFormulaCellsNeutralised() throws Exception {
        UUID vm = calls.createVm(HQ_HV02, "sprawl-csv", "\"purpose\":\"=HYPERLINK(\\\"http://x\\\")\"");
        try {
            calls.scan("admin");
            // hq-admin holds reports.view on HQ only: the exports hold HQ's rows and nothing of Branch.
            Response inventory = calls.api.get("/api/v1/inventory/export.csv", "hq-admin", "demo");
            Response findings = calls.api.get("/api/v1/sprawl/findings.csv?kind=unmanaged", "hq-admin", "demo");

            assertThat(inventory.status()).isEqualTo(200);
            assertThat(inventory.contentType()).startsWith("text/csv");
            assertThat(inventory.header("Content-Disposition")).contains("corral-inventory.csv");
            List<String> lines = inventory.body().lines().toList();
            assertThat(lines.getFirst()).startsWith("name,host,host group,owner,purpose,state");
            assertThat(lines).anyMatch(l -> l.startsWith("sql01,hq-hv01,HQ,hq-admin,SQL Server for the finance applications,"));
            assertThat(lines).noneMatch(l -> l.startsWith("br-file01,"));
            String row = lines.stream().filter(l -> l.startsWith("sprawl-csv,")).findFirst().orElseThrow();
            assertThat(row).contains(",\"'=HYPERLINK(\"\"http://x\"\")\",");
            assertThat(findings.body().lines().toList().getFirst()).startsWith("kind,state,object,host");
            assertThat(findings.body()).contains("unmanaged,open,old-test-07,hq-hv02,HQ");
            assertThat(findings.body()).doesNotContain("tmp-copy-of-br-app01");
        } finally {
            calls.delete(vm);
        }
    }

    /** Trust hole 6: reports.view was checked nowhere, so operators and self-service users downloaded every export. */
    @Test
    void exportsNeedReportsViewAndEachRefusalIsAudited() {
        for (String user : List.of("branch-ops", "dev")) {
            for (String export : List.of("/api/v1/inventory/export.csv", "/api/v1/sprawl/findings.csv",
                    "/api/v1/licensing/compliance.csv")) {
                Response refused = calls.api.get(export, user, "demo");

                assertThat(refused.status()).as(user + " " + export).isEqualTo(403);
                assertThat(refused.contentType()).startsWith("application/problem+json");
                assertThat(refused.json().get("detail").asString()).contains("reports.view");
            }
        }
        List<String> refusals = calls.api.get("/api/v1/audit?size=200&principal=dev&outcome=REFUSED", "auditor", "demo")
                .json().get("items").valueStream().map(a -> a.get("action").asString()).toList();
        assertThat(refusals).contains("inventory.export", "sprawl.export", "licensing.export");
        assertThat(calls.api.get("/api/v1/inventory/export.csv", "auditor", "demo").body()).contains("br-file01,", "sql01,");
    }

    @Test
    void onlyThoseWhoManageOwnersAndLeasesRunTheScanOnDemand() {
        Response refused = calls.api.post("/api/v1/sprawl/scan", "dev", "demo", null);
        Response summary = calls.api.get("/api/v1/sprawl/summary", "auditor", "demo");
        Response badKind = calls.api.get("/api/v1/sprawl/findings?kind=stale", "admin", "demo");

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("detail").asString()).contains("vm.ownership");
        assertThat(summary.status()).isEqualTo(200);
        assertThat(badKind.status()).isEqualTo(400);
        assertThat(badKind.json().get("errors").get(0).get("field").asString()).isEqualTo("kind");
    }

    @Test
    void theOpenApiDescriptionHasTheSprawlEndpoints() {
        JsonNode paths = calls.api.get("/api/v1/openapi.json", "admin", "demo").json().get("paths");

        assertThat(paths.propertyNames()).contains("/api/v1/sprawl/findings", "/api/v1/sprawl/findings/{id}/resolve",
                "/api/v1/sprawl/scan", "/api/v1/inventory/export.csv", "/api/v1/vms/{id}/lease", "/api/v1/sprawl/trend");
    }

    private Response renew(UUID vm, String user, LocalDate expires, String action) {
        return calls.api.post("/api/v1/vms/" + vm + "/lease", user, "demo", "{\"expires\":\"" + expires + "\""
                + (action == null ? "" : ",\"action\":\"" + action + "\"") + "}");
    }

    private List<JsonNode> audit(String action, UUID object) {
        return calls.api.get("/api/v1/audit?size=200&object=" + object, "auditor", "demo").json().get("items").valueStream()
                .filter(a -> a.get("action").asString().equals(action)).toList();
    }

    private HostConnection host(String name) {
        return engines.connection(URI.create("sim://" + name));
    }

    static VmSpec spec(String name) {
        return new VmSpec(name, 1, 256, VmSpec.Architecture.X64, new VmSpec.GuestOs(VmSpec.GuestOs.Family.LINUX, "Debian 12"),
                List.of(), List.of(), Set.of());
    }
}
