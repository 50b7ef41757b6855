package dev.corral.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import dev.corral.engine.sim.SimulatorEngine;
import dev.corral.engine.sim.SimulatorFaults;
import dev.corral.support.ApiClient;
import dev.corral.support.ApiClient.Response;
import dev.corral.support.CorralIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** A host stops answering: its VMs' pages, the host's page and the hosts list say so in words, and jobs fail cleanly. */
@CorralIntegrationTest
class UnreachableHostJourneyIT extends BrowserTest {

    private static final UUID BR_HV02 = UUID.nameUUIDFromBytes("host/br-hv02".getBytes(StandardCharsets.UTF_8));
    private static final UUID BR_APP01 = UUID.nameUUIDFromBytes("br-hv02/br-app01".getBytes(StandardCharsets.UTF_8));
    private static final String SENTENCE = "Host br-hv02 does not answer.";

    @Autowired
    SimulatorEngine simulator;

    @Test
    void anAdministratorSeesAnUnreachableHostInWordsAndItsRecovery() {
        ApiClient api = new ApiClient(port);
        SimulatorFaults faults = simulator.faults("br-hv02");
        try {
            // Slowed down, a save lasts seconds: long enough for the host to stop answering under it.
            faults.slowDown(200);
            Response save = api.post("/api/v1/vms/" + BR_APP01 + "/actions/save", "admin", "demo", "{}");
            assertThat(save.status()).as(save.body()).isEqualTo(202);
            String jobId = save.json().get("id").asString();
            awaitJob(api, jobId, List.of("QUEUED"));
            faults.setUnreachable(true);
            JsonNode job = awaitJob(api, jobId, List.of("QUEUED", "RUNNING"));
            assertThat(job.get("state").asString()).isEqualTo("FAILED");
            assertThat(job.get("message").asString()).isEqualTo(SENTENCE);
            faults.slowDown(1);

            openLogin().signInAs("admin", "demo");
            page.navigate(baseUrl() + "/vms/" + BR_APP01);
            VmPages vm = new VmPages(page);
            assertThat(vm.heading()).hasText("br-app01");
            assertThat(vm.state()).hasText("Unknown");
            assertThat(page.getByText("The host does not answer: " + SENTENCE)).isVisible();
            assertThat(page.locator("body")).not().containsText("Exception");
            for (String action : List.of("Start", "Save state", "Turn off")) {
                assertThat(vm.action(action)).isDisabled();
            }
            assertThat(vm.reasonFor("Save state")).hasText(SENTENCE);
            screenshot("vm-page");

            page.navigate(baseUrl() + "/hosts/" + BR_HV02);
            assertThat(page.getByText("The host does not answer: " + SENTENCE)).isVisible();
            new HostPages(page).openHosts(baseUrl());
            assertThat(healthOf("br-hv02")).hasText("Unreachable");
            assertThat(healthOf("br-hv01")).hasText("Reachable");
            screenshot("unreachable");
        } finally {
            faults.setUnreachable(false);
            faults.slowDown(1);
        }

        page.navigate(baseUrl() + "/hosts/" + BR_HV02);
        assertThat(page.locator("h2").first()).hasText("br-hv02");
        assertThat(page.getByText("The host does not answer")).hasCount(0);
        new HostPages(page).openHosts(baseUrl());
        assertThat(healthOf("br-hv02")).hasText("Reachable");
        JsonNode host = api.get("/api/v1/hosts/" + BR_HV02, "admin", "demo").json();
        assertThat(host.get("health").get("reachable").asBoolean()).isTrue();
        JsonNode after = api.get("/api/v1/vms/" + BR_APP01, "admin", "demo").json().get("vm");
        assertThat(after.get("state").asString()).as("the failed save left the VM as it was").isEqualTo("RUNNING");
    }

    /** The health badge in the host's row of the hosts grid: rows are rendered in order, one badge each. */
    private Locator healthOf(String host) {
        page.locator(".corral-hosts-grid vaadin-grid-cell-content a").filter(new Locator.FilterOptions().setHasText(host))
                .first().waitFor();
        List<String> names = page.locator(".corral-hosts-grid vaadin-grid-cell-content a").allTextContents();
        assertThat(names).contains(host);
        return page.locator(".corral-hosts-grid vaadin-grid-cell-content .corral-host-health").nth(names.indexOf(host));
    }

    private static JsonNode awaitJob(ApiClient api, String id, List<String> whileIn) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        JsonNode job = api.get("/api/v1/jobs/" + id, "admin", "demo").json();
        while (whileIn.contains(job.get("state").asString()) && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            job = api.get("/api/v1/jobs/" + id, "admin", "demo").json();
        }
        return job;
    }
}
