package dev.corral.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/** The sign-in page, as a user sees it. */
final class LoginPage {

    private final Page page;

    private LoginPage(Page page) {
        this.page = page;
    }

    static LoginPage open(Page page, String baseUrl) {
        page.navigate(baseUrl + "/login");
        return at(page);
    }

    static LoginPage at(Page page) {
        LoginPage login = new LoginPage(page);
        login.form().waitFor();
        return login;
    }

    Locator form() {
        return page.locator("vaadin-login-form");
    }

    Locator errorMessage() {
        return page.locator("vaadin-login-form [part=error-message]").first();
    }

    ShellPage signInAs(String user, String password) {
        submit(user, password);
        return ShellPage.at(page);
    }

    LoginPage signInExpectingFailure(String user, String password) {
        submit(user, password);
        page.waitForURL("**/login?error**");
        LoginPage login = at(page);
        login.errorMessage().waitFor();
        return login;
    }

    private void submit(String user, String password) {
        page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("User name")).fill(user);
        page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Password")).fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
    }
}
