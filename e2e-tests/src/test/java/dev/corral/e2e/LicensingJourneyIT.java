package dev.corral.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.corral.support.ApiClient;
import dev.corral.support.CorralIntegrationTest;
import dev.corral.support.DemoFleet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Windows licensing in the console, on br-hv01 (Windows Server 2008 Standard: 1 running Windows
 * VM, used by br-file01): a second Windows VM is refused, allowed once the host group is switched
 * to audit and recorded as a violation, and a Linux VM starts without hindrance.
 */
@CorralIntegrationTest
class LicensingJourneyIT extends BrowserTest {

    private static final UUID BRANCH = DemoFleet.group("Branch");
    private static final UUID BR_HV01 = DemoFleet.host("br-hv01");
    private static final UUID BR_HV02 = DemoFleet.host("br-hv02");
    private static final UUID BR_FILE01 = DemoFleet.vm("br-hv01/br-file01");
    private static final UUID BR_PRINT01 = DemoFleet.vm("br-hv01/br-print01");
    private static final String REFUSAL = "br-hv01 runs Windows Server 2008 Standard, which allows 1 running Windows VM; "
            + "br-file01 uses it. Shut it down or save its state first, or start br-print01 on a host with free rights.";

    private ApiClient api;
    private UUID linux;

    @BeforeEach
    void branchAsShipped() throws InterruptedException {
        api = new ApiClient(port);
        api.send("DELETE", "/api/v1/licensing/policy/host-groups/" + BRANCH, "admin", "demo");
        ensure(BR_PRINT01, "OFF");
        ensure(BR_FILE01, "RUNNING");
    }

    @AfterEach
    void cleanUp() throws InterruptedException {
        api.send("DELETE", "/api/v1/licensing/policy/host-groups/" + BRANCH, "admin", "demo");
        ensure(BR_PRINT01, "OFF");
        if (linux != null) {
            ensure(linux, "OFF");
            awaitJob(api.send("DELETE", "/api/v1/vms/" + linux, "admin", "demo").json().get("id").asString());
        }
    }

    @Test
    void aSecondWindowsVmIsRefusedThenAllowedUnderAuditAndALinuxVmStartsFreely() throws InterruptedException {
        linux = createLinuxVm("lic-e2e-linux");
        openLogin().signInAs("admin", "demo");
        VmPages vms = new VmPages(page).openGrid(baseUrl()).openVm("br-print01");

        vms.action("Start").click();

        assertThat(vms.notification(REFUSAL)).isVisible();
        assertThat(vms.state()).hasText("Off");
        screenshot("start-refused");

        LicensingPage licensing = new LicensingPage(page).open(baseUrl());
        assertThat(licensing.hosts()).containsText("br-hv01");
        assertThat(licensing.hosts()).containsText("At the limit");
        assertThat(licensing.violations()).containsText("Refused");
        screenshot("licensing-at-limit");

        licensing.chooseMode("Branch", "Audit");
        assertThat(licensing.notification("Host group Branch: enforcement mode audit.")).isVisible();
        page.navigate(baseUrl() + "/vms/" + BR_PRINT01);
        vms.action("Start").click();
        assertThat(vms.state()).hasText("Running");

        licensing.open(baseUrl());
        assertThat(licensing.hosts()).containsText("Over its rights");
        assertThat(licensing.violations()).containsText("Allowed (audit)");
        assertThat(licensing.violations()).containsText("Start allowed in audit mode: br-hv01 runs Windows Server 2008 Standard");
        screenshot("licensing-over");
        licensing.scrollTo(licensing.heading("Enforcement"));
        screenshot("licensing-violation-recorded");

        licensing.chooseMode("Branch", "Inherit");
        assertThat(licensing.notification("Host group Branch: inherits its enforcement mode.")).isVisible();
        page.navigate(baseUrl() + "/vms/" + linux);
        vms.action("Start").click();
        assertThat(vms.state()).hasText("Running");
        screenshot("linux-started");

        page.navigate(baseUrl() + "/hosts/" + BR_HV01);
        assertThat(licensing.hostSection()).containsText("Over its rights");
        assertThat(licensing.hostSection()).containsText("2 of 1 running Windows VM right used (over by 1)");
        assertThat(licensing.hostSection()).containsText("Enforcement: enforce");
        assertThat(licensing.hostSection()).containsText("Latest violations");
        licensing.scrollTo(licensing.hostSection());
        screenshot("host-over-its-rights");
    }

    @Test
    void anAdministratorChoosesTheEditionFromTheTableAndExportsTheCompliance() {
        openLogin().signInAs("admin", "demo");
        HostPages hosts = new HostPages(page).openHosts(baseUrl()).openHost("br-hv02");
        LicensingPage licensing = new LicensingPage(page);
        assertThat(licensing.hostSection()).containsText("No licence count is recorded for br-hv02");

        try {
            hosts.button("Edit settings").click();
            page.getByRole(com.microsoft.playwright.options.AriaRole.SPINBUTTON,
                    new com.microsoft.playwright.Page.GetByRoleOptions().setName("Licence count")).fill("3");
            page.getByRole(com.microsoft.playwright.options.AriaRole.COMBOBOX,
                    new com.microsoft.playwright.Page.GetByRoleOptions().setName("Windows edition")).click();
            assertThat(page.locator("vaadin-combo-box-item")).hasCount(13);
            screenshot("edition-choices");
            page.locator("vaadin-combo-box-item").filter(new com.microsoft.playwright.Locator.FilterOptions()
                    .setHasText("Windows Server 2022 Standard")).first().click();
            hosts.button("Save").click();

            assertThat(hosts.notification("Saved the settings of br-hv02.")).isVisible();
            assertThat(hosts.facts()).containsText("3");
            assertThat(licensing.hostSection()).containsText("of 6 running Windows VM rights used");
            licensing.scrollTo(licensing.hostSection());
            screenshot("host-page");

            String csv = licensing.open(baseUrl()).exportCsv();
            assertThat(csv.lines().toList().getFirst()).isEqualTo("Host,Host group,Edition,Licences,Windows VMs allowed,"
                    + "Windows VMs running,Headroom,Status,Enforcement");
            assertThat(csv).contains("br-hv02,Branch,Windows Server 2022 Standard,3,6,");
            screenshot("licensing-view");
        } finally {
            api.send("PATCH", "/api/v1/hosts/" + BR_HV02, "admin", "demo", "{\"licenceCount\":null}");
        }
    }

    @Test
    void anOperatorSeesTheirHostsLicencesButCannotChangeTheMode() {
        openLogin().signInAs("branch-ops", "demo");
        assertThat(page.locator(".corral-dashboard-section").filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText("Windows licensing"))).containsText("Windows VMs running");
        screenshot("dashboard");
        LicensingPage licensing = new LicensingPage(page).open(baseUrl());

        assertThat(licensing.hosts()).containsText("br-hv01");
        assertThat(licensing.hosts()).not().containsText("hq-hv01");
        assertThat(licensing.modeOf("Branch")).isDisabled();
        screenshot("operator");
        licensing.scrollTo(licensing.heading("Enforcement"));
        screenshot("operator-enforcement");
    }

    private UUID createLinuxVm(String name) throws InterruptedException {
        ApiClient.Response created = api.post("/api/v1/vms", "admin", "demo", "{\"hostId\":\"" + BR_HV01 + "\",\"name\":\""
                + name + "\",\"vcpus\":1,\"memoryMiB\":512,\"guestFamily\":\"LINUX\",\"guestName\":\"Debian 12\",\"diskGiB\":8}");
        assertThat(created.status()).as(created.body()).isEqualTo(202);
        awaitJob(created.json().get("id").asString());
        return UUID.fromString(api.get("/api/v1/vms?q=" + name, "admin", "demo").json().get("items").get(0).get("id").asString());
    }

    private void ensure(UUID vm, String wanted) throws InterruptedException {
        String now = api.get("/api/v1/vms/" + vm, "admin", "demo").json().get("vm").get("state").asString();
        if (!now.equals(wanted)) {
            String action = wanted.equals("OFF") ? "turn-off" : now.equals("PAUSED") ? "resume" : "start";
            awaitJob(api.post("/api/v1/vms/" + vm + "/actions/" + action, "admin", "demo", "{}").json().get("id").asString());
        }
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
}
