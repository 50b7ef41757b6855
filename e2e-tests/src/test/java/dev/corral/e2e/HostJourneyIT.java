package dev.corral.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import dev.corral.support.ApiClient;
import dev.corral.support.CorralIntegrationTest;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** An administrator registers a libvirt test-driver host in the console and reads its page. */
@CorralIntegrationTest
class HostJourneyIT extends BrowserTest {

    private static final String HOST = "e2e-host-a";

    @Test
    void anAdministratorRegistersAHostAndSeesItsFactsAndRequirements() {
        openLogin().signInAs("admin", "demo");
        HostPages hosts = new HostPages(page).openHosts(baseUrl());

        hosts.register(HOST, testHostUri("host-a.xml"), "HQ", 2);

        assertThat(hosts.grid()).containsText(HOST);
        screenshot("hosts-grid");
        hosts.openHost(HOST);
        assertThat(hosts.facts()).containsText("1 socket × 4 cores × 2 threads = 8 logical processors");
        assertThat(hosts.facts()).containsText("16.0 GiB total");
        assertThat(hosts.facts()).containsText("x86_64");
        assertThat(hosts.requirementBadges()).hasCount(3);
        assertThat(hosts.requirementBadges().first()).hasText("64-bit processor");
        assertThat(hosts.requirementBadges().first()).hasClass(java.util.regex.Pattern.compile(".*corral-badge-ok.*"));
        assertThat(hosts.allocationBars()).hasCount(2);
        assertThat(page.getByText("0 vCPUs allocated of 8 logical processors")).isVisible();
        screenshot("host-page");

        hosts.button("Remove host").click();
        hosts.button("Remove").click();

        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/hosts$"));
        assertThat(hosts.grid()).containsText("hq-hv01");
        assertThat(hosts.grid()).not().containsText(HOST);
    }

    @Test
    void anUnreachableHostIsRefusedAtItsUriAndTheFormKeepsWhatWasTyped() {
        openLogin().signInAs("admin", "demo");
        HostPages hosts = new HostPages(page).openHosts(baseUrl());

        hosts.tryToRegister(HOST, "sim://no-such-host", "HQ", 1);

        assertThat(hosts.fieldError("Engine URI")).containsText("No simulated host answers");
        assertThat(hosts.field("Name")).hasValue(HOST);
        assertThat(hosts.button("Register")).isEnabled();
        screenshot("unreachable");
    }

    @AfterEach
    void removeTheHost() {
        ApiClient api = new ApiClient(port);
        api.get("/api/v1/hosts", "admin", "demo").json().valueStream()
                .filter(h -> h.get("name").asString().equals(HOST))
                .forEach(h -> api.send("DELETE", "/api/v1/hosts/" + h.get("id").asString(), "admin", "demo"));
    }

    private static String testHostUri(String file) {
        try {
            return "test://" + Path.of(HostJourneyIT.class.getResource("/libvirt/" + file).toURI()).toAbsolutePath();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
