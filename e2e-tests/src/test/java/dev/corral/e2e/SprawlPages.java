package dev.corral.e2e;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/** The Sprawl view, its dialogs and exports, and the sprawl section of the dashboard, as a user sees them. */
final class SprawlPages {

    private final Page page;

    SprawlPages(Page page) {
        this.page = page;
    }

    SprawlPages open(String baseUrl) {
        page.navigate(baseUrl + "/sprawl");
        page.locator("h2").filter(new Locator.FilterOptions().setHasText("Sprawl")).waitFor();
        return this;
    }

    /** Runs the scan and waits for its notification. */
    SprawlPages scanNow() {
        button("Scan now").click();
        notification("Scan done").waitFor();
        return this;
    }

    Locator button(String label) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(label).setExact(true));
    }

    Locator findings() {
        return page.locator("vaadin-grid.corral-sprawl-grid");
    }

    /** "12 findings", beside the filters. */
    Locator count() {
        return page.locator(".corral-sprawl-count");
    }

    /** Narrows the findings to those naming this text. */
    SprawlPages search(String text) {
        page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Filter findings")).fill(text);
        return this;
    }

    /** Ticks the row of the finding on this object (the grid shows it): the checkbox level with its name. */
    SprawlPages select(String objectName) {
        Locator cell = findings().locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions()
                .setHasText(objectName)).first();
        cell.waitFor();
        com.microsoft.playwright.options.BoundingBox row = cell.boundingBox();
        Locator boxes = findings().locator("vaadin-grid-cell-content vaadin-checkbox");
        for (int i = 0; i < boxes.count(); i++) {
            com.microsoft.playwright.options.BoundingBox box = boxes.nth(i).boundingBox();
            if (box != null && box.y + box.height / 2 > row.y && box.y + box.height / 2 < row.y + row.height) {
                boxes.nth(i).click();
                return this;
            }
        }
        throw new AssertionError("No checkbox beside " + objectName);
    }

    /** The open dialog's field by its label. */
    Locator field(String label) {
        return page.locator("vaadin-dialog[opened]").last().getByLabel(label, new Locator.GetByLabelOptions().setExact(true));
    }

    /** The open dialog's button. */
    Locator dialogButton(String label) {
        return page.locator("vaadin-dialog[opened]").last().getByRole(AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName(label).setExact(true));
    }

    Locator notification(String text) {
        return page.locator("vaadin-notification-card").filter(new Locator.FilterOptions().setHasText(text)).first();
    }

    Locator stats() {
        return page.locator(".corral-sprawl .corral-stat-row");
    }

    Locator emptyState() {
        return page.locator(".corral-sprawl-empty");
    }

    Locator chart() {
        return page.locator("svg.corral-sprawl-chart");
    }

    Locator groups() {
        return page.locator(".corral-sprawl-groups");
    }

    Locator owners() {
        return page.locator(".corral-sprawl-owners");
    }

    /** Clicks an export link and answers the downloaded file's text. */
    String export(String label) {
        Download download = page.waitForDownload(() -> page.getByText(label, new Page.GetByTextOptions().setExact(true)).click());
        try {
            return Files.readString(download.path());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Scrolls the element to the top of the view, for a screenshot of what lies there. */
    SprawlPages scrollTo(Locator element) {
        element.evaluate("e => e.scrollIntoView({block: 'start'})");
        return this;
    }
}
