package dev.corral.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import dev.corral.support.CorralIntegrationTest;
import org.junit.jupiter.api.Test;

/** Delegated administration in the console, as each kind of user meets it. */
@CorralIntegrationTest
class AccessViewIT extends BrowserTest {

    @Test
    void anAdministratorAssignsARoleToAGroupAndItsMemberHasItAtTheNextSignIn() {
        openLogin().signInAs("admin", "demo");
        AccessPage access = AccessPage.open(page, baseUrl());
        assertThat(access.grid()).containsText("group hq-admins");
        screenshot("admin");

        access.assign("developers", "VM Operator", "host group HQ");

        assertThat(access.dialog()).isHidden();
        assertThat(access.grid()).containsText("group developers");
        ShellPage.at(page).signOut();
        openLogin().signInAs("dev", "demo");
        AccessPage devAccess = AccessPage.open(page, baseUrl());
        assertThat(devAccess.yourAccess()).containsText("VM Operator on host group HQ (via group developers)");
        assertThat(devAccess.yourAccess()).containsText("Self-Service User on host group Branch");
        screenshot("dev-after-grant");
    }

    @Test
    void aDelegatedAdministratorCannotHandOutMoreThanTheyHold() {
        openLogin().signInAs("hq-admin", "demo");
        AccessPage access = AccessPage.open(page, baseUrl());

        access.assign("hq-interns", "Administrator", "host group HQ");

        assertThat(access.dialogError()).containsText("may not delegate role Administrator");
        assertThat(access.dialogError()).containsText("audit.view, licensing.manage");
        screenshot("refused");
    }

    @Test
    void anAdministratorMakesACustomRole() {
        openLogin().signInAs("admin", "demo");
        AccessPage.open(page, baseUrl());
        page.getByRole(com.microsoft.playwright.options.AriaRole.TAB,
                new com.microsoft.playwright.Page.GetByRoleOptions().setName("Roles")).click();
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new com.microsoft.playwright.Page.GetByRoleOptions().setName("New role")).click();
        page.getByRole(com.microsoft.playwright.options.AriaRole.TEXTBOX,
                new com.microsoft.playwright.Page.GetByRoleOptions().setName("Name")).fill("Console Keeper");
        page.getByText("vm.console — open a VM's console").click();
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new com.microsoft.playwright.Page.GetByRoleOptions().setName("Create role")).click();

        assertThat(page.locator("vaadin-grid").filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText("Console Keeper"))).isVisible();
        screenshot("custom-role");
    }

    @Test
    void anAuditorSeesAssignmentsButCannotAssign() {
        openLogin().signInAs("auditor", "demo");
        AccessPage access = AccessPage.open(page, baseUrl());

        assertThat(access.assignButton()).isDisabled();
        assertThat(access.grid()).containsText("group corral-admins");
        assertThat(access.yourAccess()).containsText("Auditor on everything (via group auditors)");
    }
}
