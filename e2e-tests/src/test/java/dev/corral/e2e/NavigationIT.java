package dev.corral.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import dev.corral.support.CorralIntegrationTest;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every view of the side navigation opens, at its own URL, and says what it is. */
@CorralIntegrationTest
class NavigationIT extends BrowserTest {

    @ParameterizedTest
    @CsvSource({
        "Hosts,            hosts,     Hosts",
        "Virtual machines, vms,       Virtual machines",
        "Networks,         networks,  Networks",
        "Licensing,        licensing, Licensing",
        "Sprawl,           sprawl,    Sprawl",
        "Audit,            audit,     Audit",
        "Access,           access,    Access",
        "Dashboard,        '',        'Welcome, Bea Branch'"})
    void eachViewOpensFromTheSideNavigation(String item, String path, String heading) {
        ShellPage shell = openLogin().signInAs("branch-ops", "demo");
        if (path.isEmpty()) {
            shell.navigateTo("Hosts"); // leave the dashboard first, to come back to it
            assertThat(page).hasURL(Pattern.compile(".*/hosts$")); // before the next click, or it lands on the dashboard still
        }

        shell.navigateTo(item);

        assertThat(page).hasURL(Pattern.compile(".*/" + path + "$"));
        assertThat(shell.heading()).hasText(heading);
        assertThat(page).hasTitle(Pattern.compile(".*Corral$"));
        screenshot(path.isEmpty() ? "dashboard" : path);
    }
}
