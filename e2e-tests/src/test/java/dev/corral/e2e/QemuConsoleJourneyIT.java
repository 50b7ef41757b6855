package dev.corral.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.corral.support.ApiClient;
import dev.corral.support.Await;
import dev.corral.support.CorralIntegrationTest;
import dev.corral.support.DemoFleet;
import java.io.IOException;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The console of a VM on real QEMU (TCG, through this machine's libvirtd), in Chromium: Corral
 * defines the VM with its display, and the browser shows the firmware's screen, reached through
 * libvirt itself. Skipped, with the reason, where libvirtd is not running.
 */
@CorralIntegrationTest
@org.junit.jupiter.api.Timeout(120)
class QemuConsoleJourneyIT extends BrowserTest {

    ApiClient api;
    UUID host;
    UUID vm;

    @BeforeEach
    void ownHostAndVm() throws Exception {
        Assumptions.assumeTrue(libvirtdAnswers(), "libvirtd is not running on this machine (virsh -c qemu:///system version failed)");
        api = new ApiClient(port);
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        ApiClient.Response registered = api.post("/api/v1/hosts", "admin", "demo", "{\"name\":\"qemu-" + suffix
                + "\",\"uri\":\"qemu:///system\",\"hostGroupId\":\"" + DemoFleet.group("HQ") + "\"}");
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        host = UUID.fromString(registered.json().get("host").get("id").asString());
        JsonNode job = api.succeeded(api.post("/api/v1/vms", "admin", "demo", "{\"hostId\":\"" + host + "\",\"name\":\"screen-"
                + suffix + "\",\"vcpus\":1,\"memoryMiB\":128,\"guestFamily\":\"LINUX\",\"guestName\":\"Debian 12\"}"), "admin");
        vm = UUID.fromString(job.get("vmId").asString());
        api.succeeded(api.post("/api/v1/vms/" + vm + "/actions/start", "admin", "demo", ""), "admin");
    }

    @AfterEach
    void removeThem() {
        if (vm != null) {
            api.succeeded(api.post("/api/v1/vms/" + vm + "/actions/turn-off", "admin", "demo", ""), "admin");
            api.succeeded(api.send("DELETE", "/api/v1/vms/" + vm, "admin", "demo"), "admin");
        }
        if (host != null) {
            assertThat(api.send("DELETE", "/api/v1/hosts/" + host, "admin", "demo").status()).isIn(200, 204);
        }
    }

    @Test
    void theFirmwaresScreenOfAQemuVmShowsInTheBrowser() {
        openLogin().signInAs("admin", "demo");
        page.navigate(baseUrl() + "/vms/" + vm);
        new VmPages(page).action("Console").click();
        page.waitForURL("**/vms/" + vm + "/console");
        ConsolePage console = new ConsolePage(page);

        assertThat(console.status()).containsText("Connected",
                new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(20_000));
        int lit = Await.until("the firmware's text on the canvas", Duration.ofSeconds(30), console::litPixels, n -> n > 0);
        assertThat(lit).isPositive();
        screenshot("qemu-console");
    }

    private static boolean libvirtdAnswers() throws InterruptedException {
        try {
            Process virsh = new ProcessBuilder("virsh", "-c", "qemu:///system", "version").redirectErrorStream(true).start();
            virsh.getInputStream().readAllBytes();
            return virsh.waitFor() == 0;
        } catch (IOException noVirsh) {
            return false;
        }
    }
}
