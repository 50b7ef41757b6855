package dev.corral.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/** The audit view: filters, the records grid with its count line, and the chain check. */
final class AuditPage {

    private final Page page;

    private AuditPage(Page page) {
        this.page = page;
    }

    static AuditPage at(Page page) {
        AuditPage audit = new AuditPage(page);
        page.locator(".corral-audit").waitFor();
        return audit;
    }

    Locator countLine() {
        return page.locator(".corral-audit-count");
    }

    Locator cell(String text) {
        return page.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText(text));
    }

    Locator refusal() {
        return page.locator(".corral-audit-refused");
    }

    Locator verification() {
        return page.locator(".corral-audit-verification");
    }

    AuditPage filterByPrincipal(String principal) {
        page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Principal")).fill(principal);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Apply")).click();
        return this;
    }

    AuditPage verifyChain() {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Verify chain")).click();
        return this;
    }
}
