package dev.corral.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import dev.corral.support.ApiClient;
import dev.corral.support.CorralIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A self-service user tries, in the console, what a hostile tenant would: naming the host's disks
 * (hole 1), growing a VM past the quota by applying an old snapshot (hole 5), the exports without
 * reports.view (hole 6). Each attempt meets a clear answer and changes nothing.
 */
@CorralIntegrationTest
class TenantJourneyIT extends BrowserTest {

    private static final UUID BR_HV02 = UUID.nameUUIDFromBytes("host/br-hv02".getBytes(StandardCharsets.UTF_8));
    private final List<String> created = new ArrayList<>();

    @AfterEach
    void removeTheTenantsVms() {
        ApiClient api = new ApiClient(port);
        created.forEach(vm -> api.succeeded(api.send("DELETE", "/api/v1/vms/" + vm, "admin", "demo"), "admin"));
    }

    @Test
    void aSelfServiceUserCanOnlyAskForNewDisksThatCorralPlaces() {
        openLogin().signInAs("dev", "demo");
        VmPages vms = new VmPages(page).openGrid(baseUrl()).startCreating("br-hv02", "tenant-disks", 1);

        Locator row = page.locator(".corral-disk-row").first();
        row.locator("vaadin-select").click();
        Locator choices = row.locator("vaadin-select-list-box vaadin-select-item");
        assertThat(choices).hasText(new String[] {"Fixed size", "Dynamic"});
        page.keyboard().press("Escape");
        assertThat(row.locator("vaadin-text-field")).hasCount(1); // the disk's name; no path, device or parent
        assertThat(page.getByText("Pass-through")).hasCount(0);
        screenshot("create-vm-disks-as-tenant");
        vms.action("Cancel").click();
    }

    @Test
    void applyingAnOldSnapshotThatNoLongerFitsTheQuotaIsRefusedAndChangesNothing() {
        ApiClient api = new ApiClient(port);
        // dev's quota allows 8 virtual processors; br-sandbox holds 2 of them.
        String big = create(api, "tenant-big", 4);
        api.succeeded(api.post("/api/v1/vms/" + big + "/snapshots", "dev", "demo", "{\"name\":\"four-cpus\"}"), "dev");
        ApiClient.Response shrunk = api.send("PATCH", "/api/v1/vms/" + big, "dev", "demo", "{\"vcpus\":1}",
                Map.of("If-Match", api.get("/api/v1/vms/" + big, "dev", "demo").header("ETag")));
        org.assertj.core.api.Assertions.assertThat(shrunk.status()).as(shrunk.body()).isEqualTo(200);
        create(api, "tenant-filler", 5);

        openLogin().signInAs("dev", "demo");
        VmPages vms = new VmPages(page).openGrid(baseUrl()).openVm("tenant-big");
        vms.selectSnapshot("four-cpus");
        vms.action("Apply snapshot").click();
        vms.action("Apply").click();

        assertThat(vms.notification("exceeds your quota")).containsText("virtual processors: 8 allowed");
        screenshot("snapshot-over-quota");
        org.assertj.core.api.Assertions.assertThat(
                api.get("/api/v1/vms/" + big, "dev", "demo").json().get("vm").get("vcpus").asInt()).isEqualTo(1);
        assertThat(vms.facts().locator("div").filter(new Locator.FilterOptions().setHasText("Virtual processors")))
                .hasText(java.util.regex.Pattern.compile("Virtual processors\\s*1"));
    }

    @Test
    void aSelfServiceUserIsOfferedNoExportWithoutReportsView() {
        openLogin().signInAs("dev", "demo");
        SprawlPages sprawl = new SprawlPages(page).open(baseUrl());

        assertThat(sprawl.button("Scan now")).isDisabled();
        assertThat(page.getByText("Export inventory")).hasCount(0);
        assertThat(page.getByText("Export findings")).hasCount(0);
        screenshot("sprawl-without-exports");

        new LicensingPage(page).open(baseUrl());
        assertThat(page.getByText("Export as CSV")).hasCount(0);
        screenshot("licensing-without-export");
    }

    @Test
    void anAuditorIsOfferedTheExports() {
        openLogin().signInAs("auditor", "demo");
        new SprawlPages(page).open(baseUrl());

        assertThat(page.getByText("Export inventory")).isVisible();
        assertThat(page.getByText("Export findings")).isVisible();
    }

    private String create(ApiClient api, String name, int vcpus) {
        String vm = api.succeeded(api.post("/api/v1/vms", "dev", "demo", "{\"hostId\":\"" + BR_HV02 + "\",\"name\":\"" + name
                + "\",\"vcpus\":" + vcpus + ",\"memoryMiB\":512}"), "dev").get("vmId").asString();
        created.add(vm);
        return vm;
    }
}
