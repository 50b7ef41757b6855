package dev.corral.e2e;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/** The Licensing view and the licensing section of a host's page, as a user sees them. */
final class LicensingPage {

    private final Page page;

    LicensingPage(Page page) {
        this.page = page;
    }

    LicensingPage open(String baseUrl) {
        page.navigate(baseUrl + "/licensing");
        page.locator("h2").filter(new Locator.FilterOptions().setHasText("Licensing")).waitFor();
        return this;
    }

    /** One line per host: edition, licences, rights, running, headroom, enforcement, status. */
    Locator hosts() {
        return page.locator(".corral-licensing-grid");
    }

    /** A section's heading: Hosts, Enforcement, Violations. */
    Locator heading(String text) {
        return page.locator(".corral-licensing h3").filter(new Locator.FilterOptions().setHasText(text));
    }

    /** Scrolls the view until the element is at the top, for a screenshot of what lies there. */
    LicensingPage scrollTo(Locator element) {
        element.evaluate("e => e.scrollIntoView({block: 'start'})");
        return this;
    }

    Locator totals() {
        return page.locator(".corral-licensing .corral-stat-row");
    }

    Locator violations() {
        return page.locator(".corral-licensing-violations");
    }

    Locator noViolations() {
        return page.locator(".corral-licensing-empty");
    }

    /** The mode chooser of a host group in the Enforcement section. */
    Locator modeOf(String hostGroup) {
        return page.getByLabel("Enforcement mode of " + hostGroup);
    }

    LicensingPage chooseMode(String hostGroup, String mode) {
        modeOf(hostGroup).click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName(mode).setExact(true)).click();
        return this;
    }

    /** Downloads the export and answers its text. */
    String exportCsv() {
        Download download = page.waitForDownload(() -> page.getByText("Export as CSV").click());
        try {
            return java.nio.file.Files.readString(download.path());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The licensing section of a host's page. */
    Locator hostSection() {
        return page.locator(".corral-licensing-host");
    }

    Locator notification(String text) {
        return page.locator("vaadin-notification-card").filter(new Locator.FilterOptions().setHasText(text)).first();
    }

    Locator button(String label) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(label).setExact(true));
    }
}
