package dev.corral.sprawl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corral.support.ApiClient.Response;
import dev.corral.support.CorralIntegrationTest;
import dev.corral.support.DemoFleet;
import dev.corral.support.MutableClock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Sprawl tracking as time passes, with the injected clock moved instead of waiting: leases end and
 * their action is taken once, as Corral; VMs left off become idle, snapshots grow old, an owner who
 * left the directory orphans a VM. A Spring context of its own (the clock moves weeks ahead) with
 * thresholds low enough for the demo fleet, and no scheduled scan in the way.
 */
@CorralIntegrationTest
@TestPropertySource(properties = {"corral.sprawl.first-scan-delay=1h", "corral.sprawl.idle-off-days=20",
        "corral.sprawl.snapshot-max-age-days=30", "corral.sprawl.memory-overcommit-ratio=0.3"})
class SprawlClockIT {

    static final UUID BR_HV02 = DemoFleet.host("br-hv02");

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcTemplate jdbc;

    SprawlCalls calls;

    @BeforeEach
    void client() {
        calls = new SprawlCalls(port);
    }

    @Test
    void whenALeaseEndsItsActionIsTakenOnceAsCorralAndAudited() throws Exception {
        LocalDate today = LocalDate.now(clock);
        UUID shutDown = leased("lease-shutdown", today.plusDays(2), "SHUT_DOWN");
        UUID save = leased("lease-save", today.plusDays(2), "SAVE");
        UUID notify = leased("lease-notify", today.plusDays(2), "NOTIFY");
        UUID later = leased("lease-later", today.plusDays(10), "SHUT_DOWN");
        try {
            clock.advance(Duration.ofDays(3));
            JsonNode report = calls.scan("admin");

            assertThat(report.get("leaseActions").asInt()).isEqualTo(2);
            assertThat(calls.names("admin", "expired", "open")).contains("lease-shutdown", "lease-save", "lease-notify")
                    .doesNotContain("lease-later");
            assertThat(calls.awaitState(shutDown, "OFF"::equals)).isEqualTo("OFF");
            assertThat(calls.awaitState(save, "SAVED"::equals)).isEqualTo("SAVED");
            assertThat(calls.state(notify)).isEqualTo("RUNNING");
            assertThat(calls.state(later)).isEqualTo("RUNNING");
            JsonNode finding = calls.finding("admin", "expired", "lease-shutdown");
            assertThat(finding.get("actionTakenAt").isNull()).isFalse();
            assertThat(finding.get("details").asString()).contains("Corral asked to shut down");
            assertThat(finding.get("since").asString()).isEqualTo(today.plusDays(3) + "T00:00:00Z");
            assertThat(calls.finding("admin", "expired", "lease-notify").get("details").asString()).contains("told the owner");
            JsonNode jobs = calls.api.get("/api/v1/jobs?vm=" + shutDown, "admin", "demo").json().get("items");
            assertThat(jobs.valueStream()).anyMatch(j -> j.get("requestedBy").asString().equals("corral")
                    && j.get("kind").asString().equals("vm.shutdown"));
            List<JsonNode> audit = calls.api.get("/api/v1/audit?size=100&object=" + shutDown, "auditor", "demo").json()
                    .get("items").valueStream().toList();
            assertThat(audit).anyMatch(a -> a.get("principal").asString().equals("corral (lease expired)")
                    && a.get("action").asString().equals("vm.shutdown") && a.get("outcome").asString().equals("SUCCESS"));
            assertThat(audit).anyMatch(a -> a.get("action").asString().equals("vm.lease.expired"));

            // Someone starts it again: the lease's action was taken once and is not taken again.
            assertThat(calls.act(shutDown, "start").get("state").asString()).isEqualTo("SUCCEEDED");
            assertThat(calls.scan("admin").get("leaseActions").asInt()).isZero();
            assertThat(calls.state(shutDown)).isEqualTo("RUNNING");
            assertThat(calls.finding("admin", "expired", "lease-shutdown").get("details").asString())
                    .contains("Corral asked to shut down");

            Response extended = calls.resolve("admin", finding.get("id").asString(),
                    "{\"action\":\"extend-lease\",\"leaseExpires\":\"" + LocalDate.now(clock).plusDays(30) + "\"}");
            assertThat(extended.status()).as(extended.body()).isEqualTo(200);
            assertThat(extended.json().get("state").asString()).isEqualTo("RESOLVED");
            calls.scan("admin");
            assertThat(calls.names("admin", "expired", "open")).doesNotContain("lease-shutdown");
        } finally {
            for (UUID vm : List.of(shutDown, save, notify, later)) {
                if (!List.of("OFF", "SAVED").contains(calls.state(vm))) {
                    calls.act(vm, "turn-off");
                }
                calls.delete(vm);
            }
        }
    }

    @Test
    void vmsLeftOffBecomeIdleSnapshotsGrowOldAndAnOwnerWhoLeftOrphansTheirVm() throws Exception {
        UUID forgotten = calls.createVm(BR_HV02, "idle-forgotten", null);
        UUID orphan = calls.createVm(BR_HV02, "orphaned-vm", null);
        jdbc.update("update vm set owner = 'departed-user' where id = ?", orphan);
        try {
            clock.advance(Duration.ofDays(40));
            calls.scan("admin");

            assertThat(calls.names("admin", "idle", "open")).contains("web02", "exch01", "idle-forgotten");
            assertThat(calls.finding("admin", "idle", "web02").get("details").asString()).contains("Off since", "longer than 20 days");
            assertThat(calls.finding("admin", "idle", "exch01").get("details").asString()).startsWith("Saved since");
            assertThat(calls.names("admin", "idle", "open")).doesNotContain("web01", "sql01");
            assertThat(calls.names("dev", "idle", "open")).containsExactly("br-sandbox");
            assertThat(calls.names("admin", "old-snapshot", "open")).contains("sql01 › before-sp1", "sql01 › after-sp1");
            assertThat(calls.names("admin", "overcommitted", "open")).contains("hq-hv01");
            assertThat(calls.names("branch-ops", "overcommitted", "open")).doesNotContain("hq-hv01");
            JsonNode orphaned = calls.finding("admin", "orphaned-owner", "orphaned-vm");
            assertThat(orphaned.get("details").asString()).contains("departed-user is no longer in the directory");
            assertThat(calls.names("admin", "orphaned-owner", "open")).doesNotContain("web01", "br-file01");

            Response reassigned = calls.resolve("admin", orphaned.get("id").asString(),
                    "{\"action\":\"reassign\",\"owner\":\"branch-ops\"}");
            assertThat(reassigned.status()).as(reassigned.body()).isEqualTo(200);
            assertThat(calls.api.get("/api/v1/vms/" + orphan, "admin", "demo").json().get("vm").get("owner").asString())
                    .isEqualTo("branch-ops");
            Response deleted = calls.resolve("admin", calls.finding("admin", "idle", "idle-forgotten").get("id").asString(),
                    "{\"action\":\"delete\"}");
            assertThat(deleted.status()).as(deleted.body()).isEqualTo(200);
            assertThat(deleted.json().get("resolution").asString()).startsWith("Deletion requested");

            List<JsonNode> trend = calls.api.get("/api/v1/sprawl/trend", "admin", "demo").json().valueStream().toList();
            assertThat(trend).isNotEmpty();
            assertThat(trend.getLast().get("day").asString()).isEqualTo(LocalDate.now(clock).toString());
            assertThat(trend.getLast().get("vms").asInt()).isGreaterThanOrEqualTo(12);
            assertThat(trend.getLast().get("findings").get("IDLE").asInt()).isGreaterThanOrEqualTo(3);
            assertThat(calls.api.get("/api/v1/sprawl/trend", "dev", "demo").json().size()).isZero();
            JsonNode owners = calls.api.get("/api/v1/sprawl/owners", "admin", "demo").json();
            assertThat(owners.valueStream().map(o -> o.get("owner").asString())).contains("hq-admin", "branch-ops", "dev");
        } finally {
            calls.delete(orphan);
            if (calls.api.get("/api/v1/vms/" + forgotten, "admin", "demo").status() == 200) {
                calls.delete(forgotten);
            }
        }
    }

    private UUID leased(String name, LocalDate expires, String action) throws InterruptedException {
        UUID vm = calls.createVm(BR_HV02, name, "\"leaseExpires\":\"" + expires + "\",\"leaseAction\":\"" + action + "\"");
        assertThat(calls.act(vm, "start").get("state").asString()).isEqualTo("SUCCEEDED");
        return vm;
    }
}
