package dev.corral.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import dev.corral.engine.HostConnection;
import dev.corral.engine.VirtualSwitch;
import dev.corral.engine.sim.SimulatorEngine;
import dev.corral.support.ApiClient;
import dev.corral.support.CorralIntegrationTest;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** An administrator registers a libvirt test-driver host in the console and reads its page. */
@CorralIntegrationTest
class HostJourneyIT extends BrowserTest {

    private static final String HOST = "e2e-host-a";
    private static final UUID HQ_HV02 = UUID.nameUUIDFromBytes("host/hq-hv02".getBytes(StandardCharsets.UTF_8));
    private static final UUID BUILD01 = UUID.nameUUIDFromBytes("hq-hv02/build01".getBytes(StandardCharsets.UTF_8));

    @Autowired
    SimulatorEngine simulator;

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

    @Test
    void maintenanceModeNamesTheVmsItWouldMoveAndSaysWhyItCannot() {
        openLogin().signInAs("admin", "demo");
        HostPages hosts = new HostPages(page).openHosts(baseUrl());

        hosts.openHost("br-hv01");
        assertThat(hosts.button("Enter maintenance mode")).isDisabled();
        assertThat(hosts.reasonFor("Enter maintenance mode")).containsText("br-hv01 is in no failover cluster");

        hosts.openHosts(baseUrl()).openHost("hq-hv02");
        hosts.button("Enter maintenance mode").click();
        assertThat(page.getByText("Put hq-hv02 in maintenance mode?")).isVisible();
        assertThat(page.getByText(java.util.regex.Pattern.compile("will be quick-migrated .*: build01\\."))).isVisible();
        screenshot("maintenance-confirm");
        hosts.button("Enter maintenance").click();

        // In the demo fleet only hq-hv02 has build01's private switch Lab: the host stays out of maintenance.
        assertThat(hosts.notification("build01 would have nowhere to go")).isVisible();
        assertThat(page.locator(".corral-host-maintenance")).hasCount(0);
        assertThat(hosts.button("Enter maintenance mode")).isEnabled();
        screenshot("maintenance-refused");
    }

    @Test
    void anAdministratorPutsAHostInMaintenanceAndItsRunningVmMovesAway() {
        // build01 connects to the private switch Lab, which only hq-hv02 has in the demo fleet.
        HostConnection hqHv01 = simulator.connect(URI.create("sim://hq-hv01"));
        hqHv01.createSwitch(new VirtualSwitch("Lab", VirtualSwitch.Kind.PRIVATE, null, null));
        ApiClient api = new ApiClient(port);
        try {
            openLogin().signInAs("admin", "demo");
            HostPages hosts = new HostPages(page).openHosts(baseUrl()).openHost("hq-hv02");
            hosts.button("Enter maintenance mode").click();
            hosts.button("Enter maintenance").click();

            assertThat(page.locator(".corral-host-maintenance")).hasText("Maintenance");
            assertThat(hosts.button("Leave maintenance mode")).isEnabled();
            assertThat(hosts.notification("hq-hv02 is in maintenance mode; 1 migration job started.")).isVisible();
            awaitHost(api, "hq-hv01");
            hosts.openHosts(baseUrl());
            assertThat(hosts.grid().locator(".corral-host-maintenance")).hasCount(1);
            screenshot("maintenance-hosts");
            hosts.openHost("hq-hv02");
            hosts.button("Leave maintenance mode").click();
            assertThat(page.locator(".corral-host-maintenance")).hasCount(0);
            assertThat(hosts.button("Enter maintenance mode")).isEnabled();
        } finally {
            api.send("DELETE", "/api/v1/hosts/" + HQ_HV02 + "/maintenance", "admin", "demo");
            awaitHost(api, "hq-hv01");
            for (int tries = 0; tries < 100 && api.post("/api/v1/vms/" + BUILD01 + "/migrate", "admin", "demo",
                    "{\"targetHost\":\"" + HQ_HV02 + "\"}").status() == 409; tries++) {
                sleep();
            }
            awaitHost(api, "hq-hv02");
            hqHv01.deleteSwitch("Lab");
        }
    }

    /** Waits until build01's registered host is the one named, and no job holds it. */
    private static void awaitHost(ApiClient api, String host) {
        for (int tries = 0; tries < 150; tries++) {
            JsonNode vm = api.get("/api/v1/vms/" + BUILD01, "admin", "demo").json().get("vm");
            boolean busy = api.get("/api/v1/jobs?vm=" + BUILD01, "admin", "demo").json().get("items").valueStream()
                    .anyMatch(job -> java.util.List.of("QUEUED", "RUNNING").contains(job.get("state").asString()));
            if (vm.get("hostName").asString().equals(host) && !busy) {
                return;
            }
            sleep();
        }
        throw new AssertionError("build01 did not settle on " + host);
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
