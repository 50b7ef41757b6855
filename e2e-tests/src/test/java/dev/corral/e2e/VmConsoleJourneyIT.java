package dev.corral.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.corral.engine.sim.SimScreen;
import dev.corral.engine.sim.SimScreenState;
import dev.corral.engine.sim.SimulatorEngine;
import dev.corral.support.ApiClient;
import dev.corral.support.Await;
import dev.corral.support.CorralIntegrationTest;
import dev.corral.support.DemoFleet;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A delegated administrator opens a VM's console from its page and works in it as at the
 * machine: sees its screen (read back from the canvas), types, sends Ctrl+Alt+Del, types a text
 * through the dialog, and clicks where the pointer lands exactly on the scaled screen.
 */
@CorralIntegrationTest
@org.junit.jupiter.api.Timeout(90)
class VmConsoleJourneyIT extends BrowserTest {

    @Autowired
    SimulatorEngine simulator;

    ApiClient api;
    UUID vm;
    String name;

    @BeforeEach
    void ownVm() {
        api = new ApiClient(port);
        name = "screen-" + UUID.randomUUID().toString().substring(0, 6);
        JsonNode job = api.succeeded(api.post("/api/v1/vms", "admin", "demo", "{\"hostId\":\"" + DemoFleet.host("hq-hv02")
                + "\",\"name\":\"" + name + "\",\"vcpus\":1,\"memoryMiB\":512,\"guestFamily\":\"LINUX\","
                + "\"guestName\":\"Debian 12\"}"), "admin");
        vm = UUID.fromString(job.get("vmId").asString());
        api.succeeded(api.post("/api/v1/vms/" + vm + "/actions/start", "admin", "demo", ""), "admin");
    }

    @AfterEach
    void removeVm() {
        api.succeeded(api.post("/api/v1/vms/" + vm + "/actions/turn-off", "admin", "demo", ""), "admin");
        api.succeeded(api.send("DELETE", "/api/v1/vms/" + vm, "admin", "demo"), "admin");
    }

    @Test
    void anAdministratorOpensTheConsoleTypesAndSendsCtrlAltDel() {
        openLogin().signInAs("hq-admin", "demo");
        page.navigate(baseUrl() + "/vms/" + vm);
        new VmPages(page).action("Console").click();
        page.waitForURL("**/vms/" + vm + "/console");
        ConsolePage console = new ConsolePage(page);

        assertThat(console.status()).containsText("Connected · only you are watching · closes after 15:00 more without input",
                new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(10_000));
        Await.until("the VM's own colour on the canvas", Duration.ofSeconds(10),
                () -> console.pixel(SimScreen.BACKGROUND_PROBE_X, SimScreen.BACKGROUND_PROBE_Y), c -> c == SimScreen.backgroundOf(vm));
        assertThat(console.scale()).as("1024×768 scaled into the window").isLessThan(1.0);
        screenshot("console-open");

        console.clickAt(600, 400);
        // Scaled down, one pixel of the window covers more than one of the screen: the pointer lands within one of it.
        awaitScreen("the pointer where it was clicked", s -> Math.abs(s.pointerX() - 600) <= 1 && Math.abs(s.pointerY() - 400) <= 1);
        page.keyboard().type("hello");
        awaitScreen("the typed echo", s -> s.echoLine().equals("hello"));
        Await.until("five echo blocks on the canvas", Duration.ofSeconds(10),
                () -> console.pixel(SimScreen.echoBlockX(4) + 2, SimScreen.ECHO_BLOCK_Y + 2), c -> c == SimScreen.ECHO_BLOCK_COLOUR);

        console.button("Ctrl+Alt+Del").click();
        awaitScreen("Ctrl+Alt+Del at the VM", s -> s.ctrlAltDelCount() == 1);
        Await.until("the Ctrl+Alt+Del panel on the canvas", Duration.ofSeconds(10),
                () -> console.pixel(SimScreen.CAD_PANEL_X + 4, SimScreen.CAD_PANEL_Y + 4), c -> c == SimScreen.CAD_PANEL_COLOUR);
        screenshot("console-typed");

        console.button("Type text…").click();
        page.getByRole(com.microsoft.playwright.options.AriaRole.TEXTBOX, new com.microsoft.playwright.Page.GetByRoleOptions().setName("Text").setExact(true)).fill(" World!");
        console.button("Type").click();
        awaitScreen("the text typed as keystrokes", s -> s.echoLine().equals("hello World!"));

        page.getByText("‹ Back to the VM").click();
        page.waitForURL("**/vms/" + vm);
        JsonNode closed = Await.until("console.close in the audit trail", Duration.ofSeconds(10),
                () -> api.get("/api/v1/audit?object=" + vm + "&principal=hq-admin", "admin", "demo").json().get("items"),
                items -> java.util.stream.StreamSupport.stream(items.spliterator(), false)
                        .anyMatch(e -> "console.close".equals(e.get("action").asString())));
        assertThat(closed.toString()).contains("Closed by the viewer.");
    }

    @Test
    void anAuditorSeesNoConsoleAndIsToldWhyAtItsAddress() {
        openLogin().signInAs("auditor", "demo");
        page.navigate(baseUrl() + "/vms/" + vm);
        assertThat(page.locator("h2").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText(name))).isVisible();
        assertThat(new VmPages(page).action("Console")).hasCount(0);

        page.navigate(baseUrl() + "/vms/" + vm + "/console");
        assertThat(page.locator(".corral-console-refusal")).containsText("auditor may not vm.console");
        assertThat(page.locator(".corral-console-screen")).hasCount(0);
        screenshot("console-refused");
    }

    private SimScreenState awaitScreen(String what, Predicate<SimScreenState> condition) {
        return Await.until(what, Duration.ofSeconds(10), () -> simulator.screen("hq-hv02", vm), condition);
    }
}
