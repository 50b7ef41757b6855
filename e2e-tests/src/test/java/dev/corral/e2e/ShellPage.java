package dev.corral.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/** The application shell: side navigation, the signed-in user, sign out. */
final class ShellPage {

    private final Page page;

    private ShellPage(Page page) {
        this.page = page;
    }

    static ShellPage at(Page page) {
        ShellPage shell = new ShellPage(page);
        shell.userName().waitFor();
        return shell;
    }

    Locator userName() {
        return page.locator(".corral-user-name");
    }

    Locator userGroups() {
        return page.locator(".corral-user-groups");
    }

    Locator heading() {
        return page.locator("h2").first();
    }

    ShellPage navigateTo(String item) {
        page.locator("vaadin-side-nav-item").filter(new Locator.FilterOptions().setHasText(item)).first().click();
        return this;
    }

    LoginPage signOut() {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
        page.waitForURL("**/login");
        return LoginPage.at(page);
    }
}
