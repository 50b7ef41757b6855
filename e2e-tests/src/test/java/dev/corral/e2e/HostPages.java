package dev.corral.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/** The Hosts view, its Register host dialog and a host's page, as a user sees them. */
final class HostPages {

    private final Page page;

    HostPages(Page page) {
        this.page = page;
    }

    HostPages openHosts(String baseUrl) {
        page.navigate(baseUrl + "/hosts");
        grid().waitFor();
        return this;
    }

    /** The hosts grid (the host-group tree beside it is a grid too). */
    Locator grid() {
        return page.locator(".corral-hosts-grid");
    }

    Locator button(String label) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(label).setExact(true));
    }

    HostPages register(String name, String uri, String hostGroup, int licences) {
        tryToRegister(name, uri, hostGroup, licences);
        page.locator("vaadin-dialog-overlay").waitFor(new Locator.WaitForOptions()
                .setState(com.microsoft.playwright.options.WaitForSelectorState.DETACHED));
        return this;
    }

    /** Fills the Register host dialog and submits it; the dialog stays open if the server refuses. */
    HostPages tryToRegister(String name, String uri, String hostGroup, int licences) {
        button("Register host").click();
        page.locator("vaadin-dialog-overlay").waitFor();
        page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Name").setExact(true)).fill(name);
        page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Engine URI")).fill(uri);
        page.getByRole(AriaRole.COMBOBOX, new Page.GetByRoleOptions().setName("Host group")).fill(hostGroup);
        page.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions().setHasText(hostGroup)).first().click();
        page.getByRole(AriaRole.COMBOBOX, new Page.GetByRoleOptions().setName("Windows edition"))
                .fill("Windows Server 2008 Datacenter");
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Windows Server 2008 Datacenter").setExact(true)).click();
        page.getByRole(AriaRole.SPINBUTTON, new Page.GetByRoleOptions().setName("Licence count")).fill(String.valueOf(licences));
        button("Register").click();
        return this;
    }

    Locator field(String label) {
        return page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName(label).setExact(true));
    }

    /** The error message a text field shows under itself. */
    Locator fieldError(String label) {
        return page.locator("vaadin-text-field").filter(new Locator.FilterOptions().setHas(field(label)))
                .locator("[slot='error-message']");
    }

    HostPages openHost(String name) {
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name).setExact(true)).click();
        page.locator("h2").filter(new Locator.FilterOptions().setHasText(name)).waitFor();
        return this;
    }

    /** What a screen reader (and the tooltip) says about a button: why it is disabled. */
    Locator reasonFor(String label) {
        return page.locator("#" + button(label).getAttribute("aria-describedby"));
    }

    Locator notification(String text) {
        return page.locator("vaadin-notification-card").filter(new Locator.FilterOptions().setHasText(text)).first();
    }

    Locator facts() {
        return page.locator(".corral-facts");
    }

    Locator requirementBadges() {
        return page.locator(".corral-host-requirement .corral-badge");
    }

    Locator allocationBars() {
        return page.locator(".corral-host-bar vaadin-progress-bar");
    }
}
