package dev.corral.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/** The Virtual machines grid, a VM's page and the create dialog, as a user sees them. */
final class VmPages {

    private final Page page;

    VmPages(Page page) {
        this.page = page;
    }

    VmPages openGrid(String baseUrl) {
        page.navigate(baseUrl + "/vms");
        grid().waitFor();
        return this;
    }

    Locator grid() {
        return page.locator("vaadin-grid").first();
    }

    /**
     * Opens a VM's page from the grid. A click that lands while the grid re-renders its rows (a job
     * finishing refreshes it) is lost, as it would be for a user, who clicks again: so does this.
     */
    VmPages openVm(String name) {
        Locator heading = page.locator("h2").filter(new Locator.FilterOptions().setHasText(name));
        for (int attempt = 1; ; attempt++) {
            // The grid keeps rows it has filtered out, hidden: click the visible link.
            try {
                page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name).setExact(true))
                        .filter(new Locator.FilterOptions().setVisible(true)).first()
                        .click(new Locator.ClickOptions().setTimeout(5_000));
            } catch (com.microsoft.playwright.TimeoutError e) {
                // Not among the rows in view (other journeys' VMs come first): a user types its name.
                page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                        .setPath(java.nio.file.Path.of("target", "screenshots", "openVm-not-in-view-" + name + ".png")));
                if (attempt == 3) {
                    throw e;
                }
                searchByName(name);
                continue;
            }
            try {
                heading.waitFor(new Locator.WaitForOptions().setTimeout(4_000));
                return this;
            } catch (com.microsoft.playwright.TimeoutError e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    Locator state() {
        return page.locator(".corral-view .corral-state").first();
    }

    Locator action(String label) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(label).setExact(true));
    }

    /** What a screen reader (and the tooltip) says about a button: why it is disabled. */
    Locator reasonFor(String label) {
        return page.locator("#" + action(label).getAttribute("aria-describedby"));
    }

    Locator heading() {
        return page.locator("h2").first();
    }

    VmPages createVm(String host, String name, int vcpus) {
        openCreateDialog(host, name, vcpus);
        action("Create").click();
        return this;
    }

    VmPages createVm(String host, String name, int vcpus, int memoryMiB) {
        openCreateDialog(host, name, vcpus);
        memoryField().fill(String.valueOf(memoryMiB));
        action("Create").click();
        return this;
    }

    private void openCreateDialog(String host, String name, int vcpus) {
        action("Create VM").click();
        page.locator("vaadin-dialog-overlay").waitFor();
        page.getByRole(AriaRole.COMBOBOX, new Page.GetByRoleOptions().setName("Host").setExact(true)).fill(host);
        page.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions().setHasText(host)).first().click();
        page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Name").setExact(true)).fill(name);
        page.getByRole(AriaRole.SPINBUTTON, new Page.GetByRoleOptions().setName("Virtual processors")).fill(String.valueOf(vcpus));
    }

    /** Opens the create dialog with the host, name and processors filled in; the caller adds the rest and creates. */
    VmPages startCreating(String host, String name, int vcpus) {
        openCreateDialog(host, name, vcpus);
        return this;
    }

    /** Adds a network adapter to the open create dialog: its switch, and an access VLAN unless null. */
    VmPages addAdapter(String switchName, Integer accessVlan) {
        action("Add network adapter").click();
        Locator row = page.locator(".corral-adapter-row").last();
        row.getByRole(AriaRole.COMBOBOX, new Locator.GetByRoleOptions().setName("Virtual switch")).fill(switchName);
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName(switchName).setExact(true)).click();
        if (accessVlan != null) {
            row.locator("vaadin-select").filter(new Locator.FilterOptions().setHasText("Untagged")).click();
            page.locator("vaadin-select-item").filter(new Locator.FilterOptions().setHasText("Access")).click();
            vlanField().fill(String.valueOf(accessVlan));
        }
        return this;
    }

    Locator vlanField() {
        return page.locator(".corral-adapter-row").last()
                .getByRole(AriaRole.SPINBUTTON, new Locator.GetByRoleOptions().setName("VLAN").setExact(true));
    }

    /** The error message a field of the open dialog shows, by the field's label. */
    Locator fieldError(String label) {
        return page.locator("[invalid]").filter(new Locator.FilterOptions().setHas(page.locator("label")
                .filter(new Locator.FilterOptions().setHasText(label)))).locator("[slot='error-message']");
    }

    Locator tagsField() {
        return page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Tags").setExact(true));
    }

    /** Clicks Delete on a VM's page and confirms in the dialog that names it. */
    VmPages deleteVm(String name) {
        action("Delete").click();
        page.getByText("Delete VM " + name).waitFor();
        page.locator("vaadin-button[slot='confirm-button']").click();
        return this;
    }

    /** Types into one of the grid's filter combo boxes and picks the item with exactly that label. */
    VmPages filterBy(String filter, String item) {
        Locator box = page.getByRole(AriaRole.COMBOBOX, new Page.GetByRoleOptions().setName(filter).setExact(true));
        box.fill(item);
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName(item).setExact(true)).click();
        return this;
    }

    VmPages searchByName(String text) {
        page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Filter by name")).fill(text);
        return this;
    }

    /** A VM's name link in the grid; rows the grid has filtered out are hidden, not removed. */
    Locator link(String name) {
        return grid().getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(name).setExact(true));
    }

    /** The count next to the filters, such as "3 VMs". */
    Locator count() {
        return page.locator(".corral-vm-count");
    }

    /** Opens the Edit dialog, sets the memory and saves. */
    VmPages editMemory(int memoryMiB) {
        openEditor();
        memoryField().fill(String.valueOf(memoryMiB));
        action("Save").click();
        return this;
    }

    VmPages openEditor() {
        action("Edit").click();
        page.locator("vaadin-dialog-overlay").waitFor();
        return this;
    }

    Locator memoryField() {
        return page.getByRole(AriaRole.SPINBUTTON, new Page.GetByRoleOptions().setName("Memory (MiB)"));
    }

    Locator facts() {
        return page.locator(".corral-facts");
    }

    Locator jobsStrip() {
        return page.locator(".corral-jobs-strip");
    }

    VmPages expandJobs() {
        jobsStrip().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Recent jobs")).click();
        return this;
    }

    Locator snapshotWarning() {
        return page.locator(".corral-callout-warning");
    }

    Locator snapshotTree() {
        return page.locator(".corral-snapshot-tree");
    }

    VmPages takeSnapshot(String name) {
        action("Take snapshot").click();
        page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Snapshot name")).fill(name);
        action("Take").click();
        return this;
    }

    /** Clicks the snapshot's row in the tree, which selects it. */
    VmPages selectSnapshot(String name) {
        snapshotTree().locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText(name)).first().click();
        return this;
    }

    /** Text shown anywhere on the page, dialogs included. */
    Locator text(String text) {
        return page.getByText(text).first();
    }

    Locator notification(String text) {
        return page.locator("vaadin-notification-card").filter(new Locator.FilterOptions().setHasText(text)).first();
    }

    Locator dialogError() {
        return page.locator(".corral-form-error");
    }
}
