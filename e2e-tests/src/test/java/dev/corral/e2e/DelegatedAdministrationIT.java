package dev.corral.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import dev.corral.support.CorralIntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The demo users' rights in the console: each sees only their scope, acts only as their role
 * allows, and the service (not just the button) refuses the rest.
 */
@CorralIntegrationTest
class DelegatedAdministrationIT extends BrowserTest {

    @Test
    void aDelegatedAdministratorSeesTheirHostGroupsVmsOnly() {
        openLogin().signInAs("hq-admin", "demo");
        VmPages vms = new VmPages(page).openGrid(baseUrl());

        assertThat(vms.grid()).containsText("sql01");
        assertThat(vms.grid()).not().containsText("br-file01");
        screenshot("hq-admin-vms");

        page.navigate(baseUrl() + "/vms/" + UUID.nameUUIDFromBytes("br-hv01/br-file01".getBytes()));
        assertThat(vms.heading()).hasText("No such VM");

        page.navigate(baseUrl() + "/hosts");
        assertThat(page.locator(".corral-hosts-grid")).containsText("hq-hv01");
        assertThat(page.locator(".corral-hosts-grid")).containsText("Reachable");
        assertThat(page.locator(".corral-hosts-grid")).not().containsText("br-hv01");
        screenshot("hq-admin-hosts");
    }

    @Test
    void aVmOperatorStartsAVmAndWatchesItRunButCannotDeleteIt() {
        openLogin().signInAs("branch-ops", "demo");
        VmPages vms = new VmPages(page).openGrid(baseUrl()).openVm("br-sandbox");
        assertThat(vms.state()).hasText("Off");
        assertThat(vms.action("Delete")).isDisabled();
        assertThat(vms.reasonFor("Delete")).hasText("Your roles do not include vm.delete on this VM.");

        vms.action("Start").click();

        assertThat(vms.state()).hasText("Running");
        screenshot("operator-started");
        vms.action("Turn off").click();
        assertThat(vms.state()).hasText("Off");
    }

    @Test
    void aSelfServiceUserIsStoppedByTheirQuota() {
        openLogin().signInAs("dev", "demo");
        VmPages vms = new VmPages(page).openGrid(baseUrl());
        assertThat(vms.grid()).containsText("br-sandbox");
        assertThat(vms.grid()).not().containsText("br-file01");

        vms.createVm("br-hv02", "dev-big", 16);

        assertThat(page.locator(".corral-quota")).containsText("1 of 3 VMs in use · 2 of 8 vCPUs in use");
        assertThat(vms.dialogError()).containsText("exceeds your quota");
        assertThat(vms.dialogError()).containsText("virtual processors: 8 allowed, 2 in use, 16 asked");
        screenshot("quota");
    }

    @Test
    void anAuditorSeesEverythingAndChangesNothing() {
        openLogin().signInAs("auditor", "demo");
        VmPages vms = new VmPages(page).openGrid(baseUrl());
        assertThat(vms.grid()).containsText("br-file01");
        assertThat(vms.grid()).containsText("sql01");
        assertThat(vms.action("Create VM")).isDisabled();

        vms.openVm("web01");

        assertThat(vms.action("Turn off")).isDisabled();
        assertThat(vms.action("Delete")).isDisabled();
    }
}
