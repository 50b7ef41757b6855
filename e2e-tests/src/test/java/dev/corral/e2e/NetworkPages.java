package dev.corral.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.WaitForSelectorState;

/** The Networks view (switches, VLAN map, physical adapters) and its dialogs, as a user sees them. */
final class NetworkPages {

    private final Page page;

    NetworkPages(Page page) {
        this.page = page;
    }

    NetworkPages open(String baseUrl) {
        page.navigate(baseUrl + "/networks");
        switchesGrid().waitFor();
        return this;
    }

    NetworkPages openVlanMap(String baseUrl) {
        page.navigate(baseUrl + "/networks?tab=vlans");
        vlanGrid().waitFor();
        return this;
    }

    NetworkPages tab(String name) {
        page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName(name).setExact(true)).click();
        return this;
    }

    Locator switchesGrid() {
        return page.locator(".corral-switches-grid");
    }

    Locator vlanGrid() {
        return page.locator(".corral-vlan-grid");
    }

    Locator vlanUses() {
        return page.locator(".corral-vlan-uses");
    }

    Locator mismatches() {
        return page.locator(".corral-vlan-mismatches");
    }

    Locator adaptersGrid() {
        return page.locator(".corral-adapters-grid");
    }

    Locator summary() {
        return page.locator(".corral-vlan-map .corral-network-count");
    }

    Locator count() {
        return page.locator(".corral-switches .corral-network-count");
    }

    Locator button(String label) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(label).setExact(true));
    }

    /** The open dialog, whose content (not its overlay) holds the text. */
    Locator dialog() {
        return page.locator("vaadin-dialog[opened]").last();
    }

    /** Opens Create switch and fills the host and the name; the kind stays External. */
    NetworkPages startCreating(String host, String name) {
        button("Create switch").click();
        vlansField().waitFor();
        page.getByRole(AriaRole.COMBOBOX, new Page.GetByRoleOptions().setName("Host").setExact(true)).fill(host);
        page.getByRole(AriaRole.OPTION).filter(new Locator.FilterOptions().setHasText(host)).first().click();
        page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Name").setExact(true)).fill(name);
        return this;
    }

    NetworkPages kind(String label) {
        page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName(label)).check();
        return this;
    }

    NetworkPages adapter(String name) {
        page.getByRole(AriaRole.COMBOBOX, new Page.GetByRoleOptions().setName("Physical adapter")).fill(name);
        page.getByRole(AriaRole.OPTION).filter(new Locator.FilterOptions().setHasText(name + " ·")).first().click();
        return this;
    }

    Locator vlansField() {
        return page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("VLANs carried"));
    }

    /** The error message a field shows under itself. */
    Locator fieldError(String label) {
        return page.locator("[invalid]").filter(new Locator.FilterOptions().setHas(page.locator("label")
                .filter(new Locator.FilterOptions().setHasText(label)))).locator("[slot='error-message']");
    }

    /** Submits the switch dialog and waits until it has closed. */
    NetworkPages submit(String label) {
        button(label).click();
        page.locator("vaadin-dialog-overlay").waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.DETACHED));
        return this;
    }

    /** Filters the switches by name and waits until the grid shows only matching switches. */
    NetworkPages filterSwitches(String text) {
        page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Filter switches by name")).fill(text);
        page.waitForFunction("t => [...document.querySelectorAll('.corral-switches-grid .corral-switch-name')]"
                + ".filter(e => e.offsetParent !== null).every(e => e.textContent.toLowerCase().includes(t.toLowerCase()))",
                text);
        return this;
    }

    NetworkPages filterVlans(String text) {
        page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Filter by VLAN").setExact(true)).fill(text);
        return this;
    }

    Locator vlanFilterError() {
        return page.locator("vaadin-text-field[invalid]").filter(new Locator.FilterOptions()
                .setHas(page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Filter by VLAN").setExact(true))))
                .locator("[slot='error-message']");
    }

    /** Selects a VLAN's row in the map, showing its adapters below. */
    NetworkPages selectVlan(int vlan) {
        vlanGrid().locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions()
                .setHasText(java.util.regex.Pattern.compile("^" + vlan + "$"))).first().click();
        vlanUses().waitFor();
        return this;
    }

    /** Clicks a row's action button (its accessible name names the switch and host). */
    Locator rowAction(String action, String switchName, String host) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(action + " " + switchName + " on " + host)
                .setExact(true));
    }

    Locator notification(String text) {
        return page.locator("vaadin-notification-card").filter(new Locator.FilterOptions().setHasText(text)).first();
    }
}
