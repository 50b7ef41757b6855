package dev.corral.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import dev.corral.engine.HostConnection;
import dev.corral.engine.VirtualSwitch;
import dev.corral.engine.sim.SimulatorEngine;
import dev.corral.support.ApiClient;
import dev.corral.support.CorralIntegrationTest;
import dev.corral.support.DemoFleet;
import java.net.URI;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An administrator wires the network in the console: creates an external switch on a host and
 * finds it, is stopped at the field for VLANs 0, 4095 and 5000, reads the demo fleet's VLAN map
 * and sees a mismatch that a change made on a host behind Corral's back caused, confirms binding
 * a switch to a host's management adapter, and is told which VMs keep a switch from being deleted.
 */
@CorralIntegrationTest
class NetworkJourneyIT extends BrowserTest {

    @Autowired
    SimulatorEngine simulator;

    @Test
    void anAdministratorCreatesAnExternalSwitchOnAHostAndSeesIt() {
        openLogin().signInAs("admin", "demo");
        NetworkPages network = new NetworkPages(page).open(baseUrl());
        assertThat(network.switchesGrid()).containsText("hq-hv01");
        assertThat(network.switchesGrid()).containsText("10, 20, 30");
        screenshot("switches");
        try {
            network.startCreating("br-hv02", "e2e-uplink").adapter("eth0");
            network.vlansField().fill("100-110, 200");
            screenshot("create-dialog");
            network.submit("Create");

            assertThat(network.notification("Created switch e2e-uplink on br-hv02")).isVisible();
            network.filterSwitches("e2e");
            assertThat(network.count()).hasText("1 switch");
            assertThat(network.switchesGrid()).containsText("e2e-uplink");
            assertThat(network.switchesGrid()).containsText("100-110, 200");
            assertThat(network.switchesGrid()).containsText("eth0");
            assertThat(network.switchesGrid()).containsText("External");
            screenshot("created");

            network.rowAction("Edit", "e2e-uplink", "br-hv02").click();
            network.vlansField().fill("100-120");
            network.submit("Save");
            assertThat(network.switchesGrid()).containsText("100-120");

            network.rowAction("Delete", "e2e-uplink", "br-hv02").click();
            assertThat(page.getByText("Delete switch e2e-uplink from br-hv02?")).isVisible();
            network.button("Delete").click();
            assertThat(network.notification("Deleted switch e2e-uplink from br-hv02")).isVisible();
            assertThat(network.count()).hasText("0 switches");
        } finally {
            removeFromHost("br-hv02", "e2e-uplink");
        }
    }

    @Test
    void vlans0And4095And5000AreRefusedWithAMessageAtTheField() {
        openLogin().signInAs("admin", "demo");
        NetworkPages network = new NetworkPages(page).open(baseUrl());
        network.startCreating("br-hv02", "e2e-bad-vlans").kind("Private: only the VMs on the host reach each other");

        for (String vlan : List.of("0", "4095", "5000")) {
            network.vlansField().fill(vlan);
            network.button("Create").click();
            assertThat(network.fieldError("VLANs carried")).containsText("VLAN " + vlan + " is not a usable 802.1Q tag: "
                    + "use 1 to 4094");
        }
        screenshot("vlan-refused");
        assertThat(network.vlansField()).isVisible();
        assertThat(network.vlansField()).hasValue("5000");
        network.button("Cancel").click();
        org.assertj.core.api.Assertions.assertThat(simulator.connect(URI.create("sim://br-hv02")).switches())
                .extracting(VirtualSwitch::name).doesNotContain("e2e-bad-vlans");

        network.openVlanMap(baseUrl()).filterVlans("4095");
        assertThat(network.vlanFilterError()).containsText("use 1 to 4094");
    }

    @Test
    void theVlanMapShowsTheDemoFleetsVlansAndAMismatch() {
        openLogin().signInAs("admin", "demo");
        NetworkPages network = new NetworkPages(page).openVlanMap(baseUrl());
        for (String text : List.of("10", "20", "30", "hq-hv01 › LAN", "hq-hv02 › LAN", "dc01 (hq-hv01)", "exch01 (hq-hv02)")) {
            assertThat(network.vlanGrid()).containsText(text);
        }
        network.selectVlan(20);
        assertThat(network.vlanUses()).containsText("sql01");
        assertThat(network.vlanUses()).containsText("exch01");
        screenshot("vlan-map");

        // An administrator takes VLAN 20 off hq-hv02's switch on the host itself, behind Corral's back.
        HostConnection hqHv02 = simulator.connect(URI.create("sim://hq-hv02"));
        hqHv02.updateSwitch(new VirtualSwitch("LAN", VirtualSwitch.Kind.EXTERNAL, "eth1", new TreeSet<>(List.of(10, 30))));
        try {
            network.button("Read from hosts").click();
            assertThat(network.summary()).containsText(Pattern.compile("[1-9]\\d* mismatch"));
            // exch01 at least; VMs other journeys left on hq-hv02's VLAN 20 count too.
            assertThat(network.vlanGrid()).containsText(Pattern.compile("[1-9]\\d* mismatch(es)?"));
            assertThat(network.mismatches()).containsText("exch01");
            assertThat(network.mismatches()).containsText("switch LAN does not carry VLAN 20");
            page.getByRole(com.microsoft.playwright.options.AriaRole.CHECKBOX,
                    new com.microsoft.playwright.Page.GetByRoleOptions().setName("Only mismatches")).check();
            assertThat(network.summary()).containsText(Pattern.compile("^[1-9]\\d* VLANs? ·"));
            assertThat(network.vlanGrid()).containsText("exch01 (hq-hv02)");
            assertThat(network.vlanGrid()).not().containsText("dc01 (hq-hv01)");
            screenshot("vlan-mismatch");
        } finally {
            hqHv02.updateSwitch(new VirtualSwitch("LAN", VirtualSwitch.Kind.EXTERNAL, "eth1", new TreeSet<>(List.of(10, 20, 30))));
            new ApiClient(port).post("/api/v1/switches/refresh?host=" + DemoFleet.host("hq-hv02"), "admin", "demo", null);
        }
    }

    @Test
    void bindingASwitchToTheManagementAdapterAsksFirstAndSaysWhy() {
        openLogin().signInAs("admin", "demo");
        NetworkPages network = new NetworkPages(page).open(baseUrl());
        ApiClient api = new ApiClient(port);
        try {
            network.tab("Physical adapters");
            assertThat(network.adaptersGrid()).containsText("br-hv02");
            makeManagementAdapter(network, "br-hv02", "eth0");
            assertThat(network.notification("eth0 is now the management adapter of br-hv02")).isVisible();
            screenshot("adapters");

            network.tab("Virtual switches");
            network.startCreating("br-hv02", "e2e-mgmt").adapter("eth0");
            network.button("Create").click();
            assertThat(page.getByText("Bind e2e-mgmt to the management adapter?")).isVisible();
            assertThat(page.getByText(Pattern.compile("the host can lose its management connection"))).isVisible();
            screenshot("management-confirm");
            network.button("Choose another adapter").click();
            assertThat(network.button("Create")).isVisible();

            network.button("Create").click();
            network.button("Bind to eth0").click();
            assertThat(network.notification("Created switch e2e-mgmt on br-hv02")).isVisible();
            network.filterSwitches("e2e-mgmt");
            assertThat(network.switchesGrid()).containsText("management adapter");
        } finally {
            removeFromHost("br-hv02", "e2e-mgmt");
            api.send("DELETE", "/api/v1/hosts/" + DemoFleet.host("br-hv02") + "/management-adapter", "admin", "demo");
        }
    }

    @Test
    void aSwitchInUseIsNotDeletedAndItsVmsAreNamed() {
        openLogin().signInAs("admin", "demo");
        NetworkPages network = new NetworkPages(page).open(baseUrl());
        network.filterSwitches("LAN");

        network.rowAction("Delete", "LAN", "hq-hv01").click();

        assertThat(page.getByText("Switch LAN is in use")).isVisible();
        assertThat(network.dialog()).containsText("dc01");
        assertThat(network.dialog()).containsText("sql01");
        assertThat(network.dialog()).containsText("VLAN 20");
        screenshot("in-use");
        network.button("Close").click();
        org.assertj.core.api.Assertions.assertThat(simulator.connect(URI.create("sim://hq-hv01")).switches())
                .extracting(VirtualSwitch::name).contains("LAN");
    }

    @Test
    void anOperatorSeesTheBranchNetworkButCannotChangeIt() {
        openLogin().signInAs("branch-ops", "demo");
        NetworkPages network = new NetworkPages(page).open(baseUrl());

        assertThat(network.switchesGrid()).containsText("Branch-LAN");
        assertThat(network.switchesGrid()).not().containsText("hq-hv01");
        assertThat(network.button("Create switch")).isDisabled();
        assertThat(network.rowAction("Delete", "Branch-LAN", "br-hv01")).isDisabled();
    }

    private void makeManagementAdapter(NetworkPages network, String host, String adapter) {
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new com.microsoft.playwright.Page.GetByRoleOptions()
                .setName("Make " + adapter + " the management adapter of " + host).setExact(true)).click();
        network.button("Make management adapter").click();
    }

    private void removeFromHost(String host, String name) {
        HostConnection connection = simulator.connect(URI.create("sim://" + host));
        if (connection.switches().stream().anyMatch(s -> s.name().equals(name))) {
            connection.deleteSwitch(name);
        }
        new ApiClient(port).post("/api/v1/switches/refresh?host=" + DemoFleet.host(host), "admin", "demo", null);
    }
}
