package dev.corral.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import dev.corral.support.CorralIntegrationTest;
import org.junit.jupiter.api.Test;

/** An administrator protects a test VM with a snapshot before patching it, and returns to it. */
@CorralIntegrationTest
class SnapshotJourneyIT extends BrowserTest {

    @Test
    void anAdministratorTakesASnapshotAndAppliesItAfterConfirming() {
        openLogin().signInAs("admin", "demo");
        VmPages vms = new VmPages(page).openGrid(baseUrl()).openVm("test-w2k8");
        assertThat(vms.snapshotWarning()).hasText("Snapshots are for test and development, not production: they slow "
                + "the VM's disks and are not backups.");
        assertThat(vms.action("Apply snapshot")).isDisabled();
        assertThat(vms.reasonFor("Apply snapshot")).hasText("This VM has no snapshots.");

        vms.takeSnapshot("before-patch");

        assertThat(vms.snapshotTree()).containsText("before-patch");
        assertThat(vms.snapshotTree()).containsText("Now here");
        vms.selectSnapshot("before-patch");
        vms.action("Apply snapshot").click();
        assertThat(vms.text("Apply snapshot before-patch?")).isVisible();
        assertThat(vms.text("Its current state is lost unless you take a snapshot of it first.")).isVisible();
        vms.action("Apply").click();

        assertThat(vms.notification("test-w2k8 is back at snapshot before-patch and off.")).isVisible();
        assertThat(vms.snapshotTree()).containsText("before-patch");
        screenshot("snapshots");

        vms.selectSnapshot("before-patch");
        assertThat(vms.action("Rename")).isEnabled();
        vms.action("Rename").click();
        page.getByRole(com.microsoft.playwright.options.AriaRole.TEXTBOX,
                new com.microsoft.playwright.Page.GetByRoleOptions().setName("Snapshot name")).fill("before-sp2");
        vms.action("Rename").last().click();
        assertThat(vms.notification("Snapshot before-patch of test-w2k8 is now called before-sp2.")).isVisible();
        assertThat(vms.snapshotTree()).containsText("before-sp2");

        vms.selectSnapshot("before-sp2");
        vms.action("Delete snapshot").click();
        assertThat(vms.text("Delete snapshot before-sp2 of test-w2k8?")).isVisible();
        vms.action("Delete permanently").click();
        assertThat(vms.text("No snapshots yet.")).isVisible();
    }
}
