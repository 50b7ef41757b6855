package dev.corral.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import dev.corral.engine.Engines;
import dev.corral.engine.VmSpec;
import dev.corral.support.ApiClient;
import dev.corral.support.CorralIntegrationTest;
import dev.corral.support.DemoFleet;
import dev.corral.support.MutableClock;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Sprawl tracking in the console: an administrator finds a VM nobody registered and adopts it, an
 * owner is told that a lease ends and renews it, and the inventory and the findings are exported as
 * CSV and read back. The VMs are the journey's own, made on br-hv02 behind the console's back or
 * through the API, and removed afterwards.
 */
@CorralIntegrationTest
class SprawlJourneyIT extends BrowserTest {

    static final UUID BR_HV02 = DemoFleet.host("br-hv02");

    @Autowired
    Engines engines;

    @Autowired
    MutableClock clock;

    private ApiClient api;
    private UUID made;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    @AfterEach
    void cleanUp() throws InterruptedException {
        if (made != null) {
            JsonNode job = api.send("DELETE", "/api/v1/vms/" + made, "admin", "demo").json();
            if (job.has("id")) {
                awaitJob(job.get("id").asString());
            } else {
                engines.connection(URI.create("sim://br-hv02")).delete(made);
            }
        }
    }

    @Test
    void anAdministratorAdoptsAVmNobodyRegistered() {
        made = engines.connection(URI.create("sim://br-hv02")).define(new VmSpec("e2e-stray", 1, 512, VmSpec.Architecture.X64,
                new VmSpec.GuestOs(VmSpec.GuestOs.Family.LINUX, "Alpine 3.20"), List.of(), List.of(), Set.of())).id();
        openLogin().signInAs("admin", "demo");
        SprawlPages sprawl = new SprawlPages(page).open(baseUrl()).scanNow();

        assertThat(sprawl.findings()).containsText("tmp-copy-of-br-app01");
        assertThat(sprawl.chart()).isVisible();
        assertThat(sprawl.groups()).containsText("Branch");
        screenshot("findings");
        sprawl.search("e2e-stray");
        assertThat(sprawl.count()).hasText("1 finding");
        sprawl.select("e2e-stray");
        assertThat(sprawl.button("Adopt…")).isEnabled();
        sprawl.button("Adopt…").click();
        sprawl.field("Owner").fill("branch-ops");
        sprawl.dialogButton("Adopt").click();
        assertThat(sprawl.field("Purpose")).hasAttribute("invalid", "");
        sprawl.field("Purpose").fill("Smoke tests of the branch application");
        screenshot("adopt-dialog");
        sprawl.dialogButton("Adopt").click();

        assertThat(sprawl.notification("e2e-stray: Adopted, owned by branch-ops.")).isVisible();
        VmPages vms = new VmPages(page).openGrid(baseUrl()).searchByName("e2e-stray");
        assertThat(vms.link("e2e-stray")).isVisible();
        vms.openVm("e2e-stray");
        assertThat(vms.facts()).containsText("branch-ops");
        assertThat(vms.facts()).containsText("Smoke tests of the branch application");
        screenshot("adopted");
    }

    @Test
    void anOwnerIsToldTheirLeaseEndsAndRenewsIt() throws InterruptedException {
        LocalDate ends = LocalDate.now(clock).plusDays(3);
        made = createVm("e2e-leased", "\"owner\":\"dev\",\"leaseExpires\":\"" + ends + "\",\"leaseAction\":\"SHUT_DOWN\"");
        openLogin().signInAs("dev", "demo");

        Locator notice = page.locator("vaadin-notification-card").filter(new Locator.FilterOptions().setHasText("e2e-leased"));
        assertThat(notice.first()).containsText("ends in 3 days");
        Locator dashboard = page.locator(".corral-sprawl-dashboard");
        assertThat(dashboard).containsText("e2e-leased");
        screenshot("dashboard-notice");
        dashboard.getByRole(com.microsoft.playwright.options.AriaRole.LINK,
                new Locator.GetByRoleOptions().setName("e2e-leased")).click();
        VmPages vm = new VmPages(page);
        assertThat(page.locator(".corral-lease-notice")).containsText("ends in 3 days");
        vm.action("Renew lease").click();
        Locator expires = page.locator("vaadin-dialog[opened]").last().getByLabel("Lease ends");
        LocalDate renewed = LocalDate.now(clock).plusDays(30);
        expires.fill(renewed.getMonthValue() + "/" + renewed.getDayOfMonth() + "/" + renewed.getYear());
        expires.press("Enter");
        screenshot("renew-dialog");
        page.locator("vaadin-dialog[opened]").last().getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName("Renew").setExact(true)).click();

        assertThat(vm.notification("now ends " + renewed)).isVisible();
        assertThat(vm.facts()).containsText("ends " + renewed);
        assertThat(page.locator(".corral-lease-notice")).hasCount(0);
        screenshot("renewed");
    }

    @Test
    void theInventoryAndTheFindingsAreExportedAsCsvAndReadBack() {
        openLogin().signInAs("admin", "demo");
        SprawlPages sprawl = new SprawlPages(page).open(baseUrl()).scanNow();

        String inventory = sprawl.export("Export inventory");
        String findings = sprawl.export("Export findings");

        List<String> lines = inventory.lines().toList();
        assertThat(lines.getFirst()).startsWith("name,host,host group,owner,purpose,state");
        assertThat(lines).anyMatch(l -> l.startsWith("sql01,hq-hv01,HQ,hq-admin,SQL Server for the finance applications,"));
        assertThat(findings.lines().findFirst().orElseThrow()).startsWith("kind,state,object,host,host group");
        assertThat(findings).contains("unmanaged,open,old-test-07,hq-hv02,HQ");
        sprawl.scrollTo(sprawl.owners());
        screenshot("owners");
    }

    @Test
    void aSelfServiceUserSeesNoFindingsAboutVmsNotTheirs() {
        openLogin().signInAs("dev", "demo");
        SprawlPages sprawl = new SprawlPages(page).open(baseUrl());

        assertThat(sprawl.emptyState()).isVisible();
        assertThat(sprawl.findings()).not().containsText("tmp-copy-of-br-app01");
        assertThat(sprawl.button("Scan now")).isDisabled();
        screenshot("empty");
    }

    private UUID createVm(String name, String extra) throws InterruptedException {
        JsonNode job = api.post("/api/v1/vms", "admin", "demo", "{\"hostId\":\"" + BR_HV02 + "\",\"name\":\"" + name
                + "\",\"vcpus\":1,\"memoryMiB\":256,\"guestFamily\":\"LINUX\"," + extra + "}").json();
        JsonNode done = awaitJob(job.get("id").asString());
        return UUID.fromString(done.get("vmId").asString());
    }

    private JsonNode awaitJob(String id) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        JsonNode job = api.get("/api/v1/jobs/" + id, "admin", "demo").json();
        while (List.of("QUEUED", "RUNNING").contains(job.get("state").asString()) && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
            job = api.get("/api/v1/jobs/" + id, "admin", "demo").json();
        }
        return job;
    }
}
