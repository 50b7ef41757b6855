package dev.corral.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import dev.corral.support.CorralIntegrationTest;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Signing in and out of the console in Chromium, as each demo user. */
@CorralIntegrationTest
class SignInJourneyIT extends BrowserTest {

    @ParameterizedTest
    @CsvSource({
        "admin,      Ada Admin,     corral-admins",
        "hq-admin,   Hugo Quinn,    hq-admins",
        "branch-ops, Bea Branch,    'branch-operators, operators'",
        "dev,        Dev Eloper,    developers",
        "auditor,    Audra Auditor, auditors"})
    void eachDemoUserSignsInAndSeesTheirNameAndGroups(String user, String displayName, String groups) {
        ShellPage shell = openLogin().signInAs(user, "demo");

        assertThat(shell.userName()).hasText(displayName);
        assertThat(shell.userGroups()).hasText(groups);
        assertThat(shell.heading()).hasText("Welcome, " + displayName);
        assertThat(page.locator(".corral-stat").first()).containsText("in all");
        screenshot("dashboard");
    }

    @Test
    void wrongPasswordShowsTheErrorAndDoesNotSignIn() {
        LoginPage login = openLogin();
        screenshot("login");

        login = login.signInExpectingFailure("dev", "wrong-password");

        assertThat(login.errorMessage()).containsText("Wrong user name or password");
        screenshot("wrong-password");
        page.navigate(baseUrl() + "/hosts");
        assertThat(page).hasURL(Pattern.compile(".*/login$"));
    }

    @Test
    void signOutReturnsToTheSignInPage() {
        ShellPage shell = openLogin().signInAs("auditor", "demo");

        LoginPage login = shell.signOut();

        assertThat(login.form()).isVisible();
        page.navigate(baseUrl() + "/");
        assertThat(page).hasURL(Pattern.compile(".*/login$"));
    }

    @Test
    void aDeepLinkSurvivesSignIn() {
        page.navigate(baseUrl() + "/licensing");
        LoginPage.at(page).signInAs("admin", "demo");

        assertThat(page).hasURL(Pattern.compile(".*/licensing(\\?continue)?$"));
    }
}
