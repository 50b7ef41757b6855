package dev.corral.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import dev.corral.support.CorralIntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * A self-service user tries, in the console, what a hostile tenant would: the exports without
 * reports.view; each attempt meets a clear answer and changes nothing.
 */
@CorralIntegrationTest
class TenantJourneyIT extends BrowserTest {

    @Test
    void aSelfServiceUserIsOfferedNoExportWithoutReportsView() {
        openLogin().signInAs("dev", "demo");
        SprawlPages sprawl = new SprawlPages(page).open(baseUrl());

        assertThat(sprawl.button("Scan now")).isDisabled();
        assertThat(page.getByText("Export inventory")).hasCount(0);
        assertThat(page.getByText("Export findings")).hasCount(0);
        screenshot("sprawl-without-exports");

        new LicensingPage(page).open(baseUrl());
        assertThat(page.getByText("Export as CSV")).hasCount(0);
        screenshot("licensing-without-export");
    }

    @Test
    void anAuditorIsOfferedTheExports() {
        openLogin().signInAs("auditor", "demo");
        new SprawlPages(page).open(baseUrl());

        assertThat(page.getByText("Export inventory")).isVisible();
        assertThat(page.getByText("Export findings")).isVisible();
    }
}
