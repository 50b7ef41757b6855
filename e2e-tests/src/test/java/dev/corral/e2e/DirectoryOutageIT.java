package dev.corral.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.corral.support.ApiClient;
import dev.corral.support.ApiClient.Response;
import dev.corral.support.OpenLdapServer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The directory (a real OpenLDAP server, the ldap profile) goes down while an administrator works:
 * the console session they signed in with goes on (their groups were read at sign-in), while a new
 * sign-in, in the console or the API, is told the directory cannot be reached, not that the
 * password is wrong.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "ldap"})
class DirectoryOutageIT extends BrowserTest {

    private static final String SUFFIX = "dc=corral,dc=local";
    private static OpenLdapServer server;

    @DynamicPropertySource
    static void directory(DynamicPropertyRegistry registry) throws Exception {
        server = OpenLdapServer.start(SUFFIX, Path.of("config/directory/corral-demo.ldif"));
        server.connect(registry, SUFFIX);
        // The ldap profile applies no demo assignments.
        registry.add("corral.access.initial-assignments[0].principal-type", () -> "GROUP");
        registry.add("corral.access.initial-assignments[0].principal-name", () -> "branch-operators");
        registry.add("corral.access.initial-assignments[0].role", () -> "VM Operator");
        registry.add("corral.access.initial-assignments[0].scope", () -> "host-group:Branch");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void signedInSessionsGoOnWhileNewSignInsAreToldTheDirectoryIsDown() {
        ShellPage shell = openLogin().signInAs("branch-ops", "demo");
        assertThat(shell.userName()).hasText("Bea Branch");

        server.close();

        shell.navigateTo("Virtual machines");
        assertThat(page.locator("vaadin-grid-cell-content").filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText("br-file01")).first()).isVisible();
        shell.navigateTo("Hosts");
        assertThat(shell.heading()).hasText("Hosts");
        assertThat(shell.userGroups()).hasText("branch-operators, operators");
        screenshot("session-goes-on");

        Browser browser = page.context().browser();
        try (BrowserContext other = browser.newContext()) {
            Page newcomer = other.newPage();
            LoginPage login = LoginPage.open(newcomer, baseUrl()).signInExpectingFailure("admin", "demo");
            assertThat(login.errorMessage()).containsText("cannot reach the directory");
        }
        Response api = new ApiClient(port).get("/api/v1/me", "admin", "demo");
        assertThat(api.status()).isEqualTo(503);
        assertThat(api.contentType()).startsWith("application/problem+json");
    }
}
