package dev.corral.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/** The Access view: your access, assignments, the assign dialog, explain. */
final class AccessPage {

    private final Page page;

    private AccessPage(Page page) {
        this.page = page;
    }

    static AccessPage open(Page page, String baseUrl) {
        page.navigate(baseUrl + "/access");
        AccessPage access = new AccessPage(page);
        access.yourAccess().waitFor();
        return access;
    }

    Locator yourAccess() {
        return page.locator(".corral-your-access-section");
    }

    Locator assignButton() {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Assign role"));
    }

    Locator grid() {
        return page.locator("vaadin-grid").first();
    }

    Locator dialog() {
        return page.locator("vaadin-dialog-overlay");
    }

    AccessPage assign(String group, String role, String scope) {
        assignButton().click();
        dialog().waitFor();
        Locator principal = page.getByRole(AriaRole.COMBOBOX, new Page.GetByRoleOptions().setName("Directory user or group"));
        principal.fill(group);
        Locator found = page.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions().setHasText(group + " "));
        try {
            found.first().click(new Locator.ClickOptions().setTimeout(3000));
        } catch (com.microsoft.playwright.TimeoutError notInDirectory) {
            principal.press("Enter");
        }
        choose("Role", role);
        choose("Scope", scope);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Assign").setExact(true)).click();
        return this;
    }

    Locator dialogError() {
        return page.locator(".corral-form-error");
    }

    private void choose(String label, String option) {
        page.getByRole(AriaRole.COMBOBOX, new Page.GetByRoleOptions().setName(label)).fill(option);
        page.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions().setHasText(option)).first().click();
    }
}
