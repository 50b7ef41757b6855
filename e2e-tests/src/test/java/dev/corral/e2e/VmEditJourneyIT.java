package dev.corral.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import dev.corral.support.ApiClient;
import dev.corral.support.ApiClient.Response;
import dev.corral.support.CorralIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An administrator gives a VM more memory through the Edit dialog, starts it, and follows the job
 * in the recent jobs strip along the bottom.
 */
@CorralIntegrationTest
class VmEditJourneyIT extends BrowserTest {

    @Test
    void anAdministratorGivesAVmMoreMemoryAndWatchesItStartInTheJobsStrip() {
        openLogin().signInAs("admin", "demo");
        VmPages vms = new VmPages(page).openGrid(baseUrl()).openVm("web02");
        assertThat(vms.state()).hasText("Off");
        assertThat(vms.facts()).containsText("4.0 GiB");

        vms.openEditor();
        assertThat(vms.memoryField()).hasValue("4096");
        vms.memoryField().fill("6144");
        screenshot("vm-edit");
        vms.action("Save").click();

        assertThat(vms.facts()).containsText("6.0 GiB");
        assertThat(vms.jobsStrip()).containsText("web02: memory 4096 → 6144 MiB.");

        vms.action("Start").click();

        assertThat(vms.state()).hasText("Running");
        assertThat(vms.jobsStrip()).containsText("web02 is running.");
        vms.expandJobs();
        assertThat(vms.jobsStrip().locator(".corral-jobs-list")).containsText("Succeeded");
        assertThat(vms.jobsStrip().locator(".corral-jobs-list")).containsText("web02: memory 4096 → 6144 MiB.");
        screenshot("jobs-strip");

        vms.action("Turn off").click();
        assertThat(vms.notification("web02 is off.")).isVisible();
        assertThat(vms.state()).hasText("Off");
        vms.editMemory(4096);
        assertThat(vms.facts()).containsText("4.0 GiB");
    }

    @Test
    void aChangeMadeMeanwhileIsNotOverwrittenAndWhatWasTypedStays() {
        openLogin().signInAs("admin", "demo");
        VmPages vms = new VmPages(page).openGrid(baseUrl()).openVm("web02");
        vms.openEditor();
        vms.memoryField().fill("5120");

        ApiClient api = new ApiClient(port);
        String path = "/api/v1/vms/" + UUID.nameUUIDFromBytes("hq-hv01/web02".getBytes(StandardCharsets.UTF_8));
        Response meanwhile = api.send("PATCH", path, "hq-admin", "demo", "{\"vcpus\":3}",
                Map.of("If-Match", api.get(path, "hq-admin", "demo").header("ETag")));
        try {
            org.assertj.core.api.Assertions.assertThat(meanwhile.status()).as(meanwhile.body()).isEqualTo(200);
            vms.action("Save").click();

            assertThat(vms.dialogError()).hasText("VM web02 was changed by someone else since you opened it; reload it and "
                    + "make your change again.");
            assertThat(vms.memoryField()).hasValue("5120");
            screenshot("stale-version");
            vms.action("Cancel").click();
            assertThat(vms.facts()).containsText("4.0 GiB");
        } finally {
            api.send("PATCH", path, "admin", "demo", "{\"vcpus\":2}",
                    Map.of("If-Match", api.get(path, "admin", "demo").header("ETag")));
        }
    }

    @Test
    void anOperatorSeesWhyTheyCannotEditAVm() {
        openLogin().signInAs("branch-ops", "demo");
        VmPages vms = new VmPages(page).openGrid(baseUrl()).openVm("br-print01");

        assertThat(vms.action("Edit")).isDisabled();
        assertThat(vms.reasonFor("Edit")).hasText("Your roles do not include vm.configure on this VM.");
    }
}
