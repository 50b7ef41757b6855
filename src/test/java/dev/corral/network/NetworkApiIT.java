package dev.corral.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corral.engine.Capability;
import dev.corral.engine.HostConnection;
import dev.corral.engine.VirtualSwitch;
import dev.corral.engine.sim.SimulatorEngine;
import dev.corral.support.ApiClient;
import dev.corral.support.ApiClient.Response;
import dev.corral.support.CorralIntegrationTest;
import dev.corral.support.DemoFleet;
import java.net.URI;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Virtual switches, the management adapter and the VLAN map through the REST API on the simulated
 * demo fleet: hq-hv01 and hq-hv02 each have an external switch LAN on eth1 carrying VLANs 10, 20
 * and 30, with dc01 (VLAN 10), sql01 (20), web01 and web02 (30) on hq-hv01's and exch01 (20) on
 * hq-hv02's; br-hv02's eth0 is free.
 */
@CorralIntegrationTest
class NetworkApiIT {

    static final UUID HQ_HV01 = DemoFleet.host("hq-hv01");
    static final UUID HQ_HV02 = DemoFleet.host("hq-hv02");
    static final UUID BR_HV01 = DemoFleet.host("br-hv01");
    static final UUID BR_HV02 = DemoFleet.host("br-hv02");

    @LocalServerPort
    int port;

    @Autowired
    SimulatorEngine simulator;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    @Test
    void everyoneSeesTheSwitchesOfTheHostsTheirRolesShowThem() {
        JsonNode all = api.get("/api/v1/switches?size=500", "admin", "demo").json();
        JsonNode lan = find(all, "hq-hv01", "LAN");
        assertThat(lan.get("kind").asString()).isEqualTo("EXTERNAL");
        assertThat(lan.get("physicalAdapter").asString()).isEqualTo("eth1");
        assertThat(lan.get("allowedVlans").asString()).isEqualTo("10, 20, 30");
        assertThat(lan.get("hostGroup").asString()).isEqualTo("HQ");
        assertThat(lan.get("connectedAdapters").asInt()).isGreaterThanOrEqualTo(4);
        assertThat(lan.get("id").asString()).isEqualTo(SwitchRecord.idOf(HQ_HV01, "lan").toString());
        assertThat(find(all, "br-hv02", "Branch-Internal").get("allowedVlans").asString()).isEmpty();
        assertThat(find(all, "br-hv02", "Branch-Internal").get("carriesAnyVlan").asBoolean()).isTrue();

        JsonNode branch = api.get("/api/v1/switches?size=500", "branch-ops", "demo").json();
        assertThat(hosts(branch)).containsOnly("br-hv01", "br-hv02");
        JsonNode hq = api.get("/api/v1/switches?q=lan&hostGroup=" + DemoFleet.group("HQ"), "admin", "demo").json();
        assertThat(hosts(hq)).containsOnly("hq-hv01", "hq-hv02");
        assertThat(api.get("/api/v1/switches?host=" + HQ_HV02 + "&size=1", "admin", "demo").json().get("totalElements")
                .asInt()).isEqualTo(api.get("/api/v1/switches?host=" + HQ_HV02, "admin", "demo").json().get("items").size());

        Response hidden = api.get("/api/v1/switches/" + lan.get("id").asString(), "branch-ops", "demo");
        assertThat(hidden.status()).as(hidden.body()).isEqualTo(404);
    }

    @Test
    void oneSwitchNamesTheVmsConnectedToIt() {
        JsonNode details = api.get("/api/v1/switches/" + SwitchRecord.idOf(HQ_HV01, "LAN"), "admin", "demo").json();

        assertThat(details.get("virtualSwitch").get("name").asString()).isEqualTo("LAN");
        assertThat(details.get("connected").valueStream().map(c -> c.get("vmName").asString()))
                .contains("dc01", "sql01", "web01", "web02");
        assertThat(details.get("connected").valueStream().filter(c -> c.get("vmName").asString().equals("sql01"))
                .findFirst().orElseThrow().get("vlan").asString()).isEqualTo("VLAN 20");
        assertThat(details.get("mayManage").asBoolean()).isTrue();
        assertThat(api.get("/api/v1/switches/" + SwitchRecord.idOf(HQ_HV01, "LAN"), "auditor", "demo").json()
                .get("mayManage").asBoolean()).isFalse();
    }

    @Test
    void anAdministratorCreatesChangesAndDeletesAnExternalSwitch() {
        Response created = api.post("/api/v1/switches", "admin", "demo", """
                {"hostId":"%s","name":"it-uplink","kind":"EXTERNAL","physicalAdapter":"eth0","allowedVlans":"100-102, 110"}
                """.formatted(BR_HV02));
        try {
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            String id = created.json().get("id").asString();
            assertThat(created.header("Location")).endsWith("/api/v1/switches/" + id);
            assertThat(created.json().get("allowedVlans").asString()).isEqualTo("100-102, 110");
            assertThat(created.json().get("vlanRanges").size()).isEqualTo(2);
            assertThat(onHost("br-hv02", "it-uplink").allowedVlans()).containsExactly(100, 101, 102, 110);

            Response changed = api.send("PATCH", "/api/v1/switches/" + id, "admin", "demo", "{\"allowedVlans\":\"100-105\"}");
            assertThat(changed.status()).as(changed.body()).isEqualTo(200);
            assertThat(changed.json().get("allowedVlans").asString()).isEqualTo("100-105");
            assertThat(changed.json().get("physicalAdapter").asString()).isEqualTo("eth0");
            assertThat(onHost("br-hv02", "it-uplink").allowedVlans()).containsExactly(100, 101, 102, 103, 104, 105);
            Response open = api.send("PATCH", "/api/v1/switches/" + id, "admin", "demo", "{\"allowedVlans\":\"\"}");
            assertThat(open.json().get("carriesAnyVlan").asBoolean()).as(open.body()).isTrue();

            Response deleted = api.send("DELETE", "/api/v1/switches/" + id, "admin", "demo");
            assertThat(deleted.status()).as(deleted.body()).isEqualTo(204);
            assertThat(api.get("/api/v1/switches/" + id, "admin", "demo").status()).isEqualTo(404);
            assertThat(simulator.connect(URI.create("sim://br-hv02")).switches()).extracting(VirtualSwitch::name)
                    .doesNotContain("it-uplink");
            JsonNode audit = api.get("/api/v1/audit?object=" + id, "admin", "demo").json();
            assertThat(audit.get("items").valueStream().map(e -> e.get("action").asString()))
                    .contains("switch.create", "switch.change", "switch.delete");
            assertThat(audit.get("items").valueStream().map(e -> e.get("details").asString()))
                    .anyMatch(d -> d.contains("VLANs 100-102, 110 → 100-105"));
        } finally {
            removeFromHost("br-hv02", "it-uplink");
        }
    }

    @Test
    void vlansOutsideOneTo4094AreRefusedAtTheField() {
        for (String vlans : List.of("0", "4095", "5000", "10, 20, 4095")) {
            Response refused = api.post("/api/v1/switches", "admin", "demo", """
                    {"hostId":"%s","name":"it-bad-vlans","kind":"PRIVATE","allowedVlans":"%s"}""".formatted(BR_HV02, vlans));

            assertThat(refused.status()).as(refused.body()).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            JsonNode error = refused.json().get("errors").get(0);
            assertThat(error.get("field").asString()).isEqualTo("allowedVlans");
            assertThat(error.get("message").asString()).contains("is not a usable 802.1Q tag: use 1 to 4094");
        }
        Response backwards = api.post("/api/v1/switches", "admin", "demo", """
                {"hostId":"%s","name":"it-bad-vlans","kind":"PRIVATE","allowedVlans":"30-20"}""".formatted(BR_HV02));
        assertThat(backwards.json().get("errors").get(0).get("message").asString()).contains("runs backwards");
        assertThat(simulator.connect(URI.create("sim://br-hv02")).switches()).extracting(VirtualSwitch::name)
                .doesNotContain("it-bad-vlans");
        assertThat(api.get("/api/v1/audit?object=it-bad-vlans&outcome=REFUSED", "admin", "demo").json().get("items").size())
                .isGreaterThanOrEqualTo(5);
    }

    @Test
    void anExternalSwitchNeedsAFreeEthernetAdapter() {
        Response wireless = create(BR_HV01, "it-wifi", "EXTERNAL", "wlan0", null);
        Response taken = create(HQ_HV01, "it-second", "EXTERNAL", "eth1", null);
        Response missing = create(HQ_HV01, "it-missing", "EXTERNAL", "eth7", null);
        Response none = create(HQ_HV01, "it-none", "EXTERNAL", null, null);
        Response internalWithAdapter = create(HQ_HV01, "it-internal", "INTERNAL", "eth0", null);
        Response duplicate = create(HQ_HV01, "it-dup", "PRIVATE", null, null);
        Response sameName = create(HQ_HV01, "lan", "PRIVATE", null, null);

        assertThat(fieldError(wireless, "physicalAdapter")).contains("wlan0 is a wireless adapter")
                .contains("only an Ethernet adapter can back an external switch");
        assertThat(fieldError(taken, "physicalAdapter")).isEqualTo("eth1 already backs switch LAN; an adapter backs one "
                + "external switch.");
        assertThat(fieldError(missing, "physicalAdapter")).contains("hq-hv01 has no physical adapter eth7; it has eth0, eth1");
        assertThat(fieldError(none, "physicalAdapter")).contains("Choose the physical Ethernet adapter");
        assertThat(fieldError(internalWithAdapter, "physicalAdapter")).contains("Only an external switch");
        assertThat(fieldError(sameName, "name")).isEqualTo("hq-hv01 already has a virtual switch named LAN.");
        assertThat(duplicate.status()).isEqualTo(201);
        api.send("DELETE", "/api/v1/switches/" + duplicate.json().get("id").asString(), "admin", "demo");
    }

    @Test
    void bindingAnExternalSwitchToTheManagementAdapterNeedsAConfirmation() {
        Response set = api.send("PUT", "/api/v1/hosts/" + BR_HV02 + "/management-adapter", "admin", "demo",
                "{\"adapter\":\"eth0\"}");
        try {
            assertThat(set.status()).as(set.body()).isEqualTo(200);
            assertThat(set.json().get("managementAdapter").asString()).isEqualTo("eth0");
            assertThat(set.json().get("adapters").valueStream().filter(a -> a.get("management").asBoolean())
                    .map(a -> a.get("name").asString())).containsExactly("eth0");

            Response unconfirmed = create(BR_HV02, "it-mgmt", "EXTERNAL", "eth0", null);
            assertThat(unconfirmed.status()).as(unconfirmed.body()).isEqualTo(422);
            assertThat(unconfirmed.json().get("type").asString()).endsWith("/management-adapter");
            assertThat(unconfirmed.json().get("confirmWith").asString()).isEqualTo("confirmManagementAdapter");
            assertThat(unconfirmed.json().get("detail").asString()).contains("eth0 is the management adapter of br-hv02")
                    .contains("the host can lose its management connection");
            assertThat(unconfirmed.json().get("errors").get(0).get("field").asString()).isEqualTo("physicalAdapter");
            assertThat(simulator.connect(URI.create("sim://br-hv02")).switches()).extracting(VirtualSwitch::name)
                    .doesNotContain("it-mgmt");

            Response confirmed = api.post("/api/v1/switches", "admin", "demo", """
                    {"hostId":"%s","name":"it-mgmt","kind":"EXTERNAL","physicalAdapter":"eth0","confirmManagementAdapter":true}
                    """.formatted(BR_HV02));
            assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(201);
            assertThat(confirmed.json().get("onManagementAdapter").asBoolean()).isTrue();
            JsonNode adapters = api.get("/api/v1/hosts/" + BR_HV02 + "/adapters", "admin", "demo").json();
            assertThat(adapters.get("warnings").get(0).asString()).contains("External switch it-mgmt is bound to eth0, "
                    + "the management adapter");
            JsonNode trail = api.get("/api/v1/audit?object=" + confirmed.json().get("id").asString(), "admin", "demo").json();
            assertThat(trail.get("items").valueStream().map(e -> e.get("outcome").asString() + " " + e.get("details").asString()))
                    .anyMatch(e -> e.startsWith("REFUSED") && e.contains("management adapter"))
                    .anyMatch(e -> e.startsWith("SUCCESS") && e.contains("bound to the management adapter as confirmed"));
        } finally {
            removeFromHost("br-hv02", "it-mgmt");
            api.send("DELETE", "/api/v1/hosts/" + BR_HV02 + "/management-adapter", "admin", "demo");
        }
        assertThat(api.get("/api/v1/hosts/" + BR_HV02 + "/adapters", "admin", "demo").json().get("managementAdapter").isNull())
                .isTrue();
    }

    @Test
    void theManagementAdapterIsOneOfTheHostsAndOnlyNetworkManagersSetIt() {
        Response unknown = api.send("PUT", "/api/v1/hosts/" + BR_HV02 + "/management-adapter", "admin", "demo",
                "{\"adapter\":\"eth9\"}");
        Response operator = api.send("PUT", "/api/v1/hosts/" + BR_HV02 + "/management-adapter", "branch-ops", "demo",
                "{\"adapter\":\"eth0\"}");
        Response stranger = api.send("PUT", "/api/v1/hosts/" + BR_HV02 + "/management-adapter", "hq-admin", "demo",
                "{\"adapter\":\"eth0\"}");

        assertThat(fieldError(unknown, "adapter")).isEqualTo("br-hv02 has no physical adapter eth9; it has eth0, eth1.");
        assertThat(operator.status()).as(operator.body()).isEqualTo(403);
        assertThat(operator.json().get("permission").asString()).isEqualTo("network.manage");
        assertThat(stranger.status()).as(stranger.body()).isEqualTo(404);
    }

    @Test
    void aSwitchWithConnectedAdaptersIsNotDeletedAndTheyAreNamed() {
        String lan = SwitchRecord.idOf(HQ_HV01, "LAN").toString();

        Response refused = api.send("DELETE", "/api/v1/switches/" + lan, "hq-admin", "demo");

        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.json().get("type").asString()).endsWith("/switch-in-use");
        assertThat(refused.json().get("detail").asString()).startsWith("Switch LAN on hq-hv01 still has ")
                .contains("dc01").contains("sql01").contains("Connect them to another switch");
        assertThat(refused.json().get("vms").valueStream().map(JsonNode::asString)).contains("dc01", "sql01", "web01", "web02");
        assertThat(simulator.connect(URI.create("sim://hq-hv01")).switches()).extracting(VirtualSwitch::name).contains("LAN");
        assertThat(api.get("/api/v1/audit?object=" + lan + "&outcome=REFUSED", "admin", "demo").json().get("items")
                .valueStream().map(e -> e.get("action").asString())).contains("switch.delete");
    }

    @Test
    void aSwitchKeepsTheVlansItsAdaptersUse() {
        String lan = SwitchRecord.idOf(HQ_HV01, "LAN").toString();

        Response refused = api.send("PATCH", "/api/v1/switches/" + lan, "admin", "demo", "{\"allowedVlans\":\"10, 30\"}");

        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.json().get("type").asString()).endsWith("/vlans-in-use");
        assertThat(refused.json().get("detail").asString()).contains("Switch LAN would no longer carry VLAN 20, which")
                .contains("sql01");
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("allowedVlans");
        assertThat(onHost("hq-hv01", "LAN").allowedVlans()).containsExactly(10, 20, 30);

        Response widened = api.send("PATCH", "/api/v1/switches/" + lan, "admin", "demo", "{\"allowedVlans\":\"10, 20, 30, 40\"}");
        try {
            assertThat(widened.status()).as(widened.body()).isEqualTo(200);
            assertThat(onHost("hq-hv01", "LAN").allowedVlans()).containsExactly(10, 20, 30, 40);
        } finally {
            api.send("PATCH", "/api/v1/switches/" + lan, "admin", "demo", "{\"allowedVlans\":\"10, 20, 30\"}");
        }
        assertThat(onHost("hq-hv01", "LAN").allowedVlans()).containsExactly(10, 20, 30);
    }

    @Test
    void onlyNetworkManagersChangeSwitchesAndOnlyWhereTheyMay() {
        String branchLan = SwitchRecord.idOf(BR_HV01, "Branch-LAN").toString();

        Response operator = api.send("PATCH", "/api/v1/switches/" + branchLan, "branch-ops", "demo", "{\"allowedVlans\":\"5\"}");
        Response auditor = create(BR_HV02, "it-auditor", "PRIVATE", null, null, "auditor");
        Response delegated = api.send("DELETE", "/api/v1/switches/" + branchLan, "hq-admin", "demo");

        assertThat(operator.status()).as(operator.body()).isEqualTo(403);
        assertThat(operator.json().get("detail").asString()).contains("network.manage");
        assertThat(auditor.status()).as(auditor.body()).isEqualTo(403);
        assertThat(delegated.status()).as("hq-admin does not see Branch").isEqualTo(404);
        assertThat(onHost("br-hv01", "Branch-LAN").allowedVlans()).isEmpty();
    }

    @Test
    void aHostThatCannotManageSwitchesOrVlansIsRefusedCleanly() {
        var faults = simulator.faults("br-hv01");
        faults.withhold(Capability.VLAN, "This host's hypervisor (simulated) does not support 802.1Q VLAN tags.");
        try {
            Response vlans = create(BR_HV01, "it-tagged", "PRIVATE", null, "10");
            assertThat(vlans.status()).as(vlans.body()).isEqualTo(422);
            assertThat(vlans.json().get("type").asString()).endsWith("/unsupported");
            assertThat(vlans.json().get("detail").asString()).contains("does not support 802.1Q VLAN tags");
            assertThat(vlans.json().get("errors").get(0).get("field").asString()).isEqualTo("allowedVlans");

            faults.withhold(Capability.VIRTUAL_SWITCHES, "This host's hypervisor (simulated) does not let Corral manage "
                    + "virtual switches.");
            Response any = create(BR_HV01, "it-plain", "PRIVATE", null, null);
            Response delete = api.send("DELETE", "/api/v1/switches/" + SwitchRecord.idOf(BR_HV01, "Branch-LAN"), "admin", "demo");
            assertThat(any.status()).as(any.body()).isEqualTo(422);
            assertThat(any.json().get("detail").asString()).contains("does not let Corral manage virtual switches");
            assertThat(delete.status()).as(delete.body()).isEqualTo(422);
        } finally {
            faults.clear();
        }
        assertThat(simulator.connect(URI.create("sim://br-hv01")).switches()).extracting(VirtualSwitch::name)
                .containsExactly("Branch-LAN");
    }

    @Test
    void anUnreachableHostsSwitchesStayListedAndCannotChange() {
        var faults = simulator.faults("br-hv02");
        faults.setUnreachable(true);
        try {
            Response refused = create(BR_HV02, "it-offline", "PRIVATE", null, null);
            assertThat(refused.status()).as(refused.body()).isEqualTo(503);
            api.post("/api/v1/switches/refresh?host=" + BR_HV02, "admin", "demo", null);
            JsonNode listed = api.get("/api/v1/switches?host=" + BR_HV02, "admin", "demo").json();
            assertThat(find(listed, "br-hv02", "Branch-LAN").get("readProblem").asString()).contains("does not answer");
        } finally {
            faults.clear();
        }
        api.post("/api/v1/switches/refresh?host=" + BR_HV02, "admin", "demo", null);
        assertThat(find(api.get("/api/v1/switches?host=" + BR_HV02, "admin", "demo").json(), "br-hv02", "Branch-LAN")
                .get("readProblem").isNull()).isTrue();
    }

    @Test
    void theVlanMapShowsWhoCarriesAndWhoUsesEachVlan() {
        JsonNode map = api.get("/api/v1/vlans?size=500", "admin", "demo").json();

        JsonNode ten = row(map, 10);
        assertThat(ten.get("switches").valueStream().map(s -> s.get("hostName").asString() + "/" + s.get("switchName").asString()))
                .contains("hq-hv01/LAN", "hq-hv02/LAN");
        assertThat(ten.get("uses").valueStream().map(u -> u.get("vmName").asString() + "@" + u.get("hostName").asString()))
                .contains("dc01@hq-hv01");
        assertThat(row(map, 20).get("uses").valueStream().map(u -> u.get("vmName").asString())).contains("sql01", "exch01");
        assertThat(row(map, 30).get("uses").valueStream().map(u -> u.get("vmName").asString())).contains("web01", "web02");

        JsonNode only20 = api.get("/api/v1/vlans?vlan=20&host=" + HQ_HV02, "admin", "demo").json();
        assertThat(only20.get("totalElements").asInt()).isEqualTo(1);
        assertThat(row(only20, 20).get("switches").valueStream().map(s -> s.get("hostName").asString()))
                .containsOnly("hq-hv02");
        JsonNode paged = api.get("/api/v1/vlans?vlan=10-30&size=2&page=1", "admin", "demo").json();
        assertThat(paged.get("items").get(0).get("vlan").asInt()).isEqualTo(30);
        assertThat(paged.get("totalElements").asInt()).isEqualTo(3);

        Response bad = api.get("/api/v1/vlans?vlan=4095", "admin", "demo");
        assertThat(fieldError(bad, "vlan")).contains("use 1 to 4094");
        JsonNode branch = api.get("/api/v1/vlans?size=500", "branch-ops", "demo").json();
        assertThat(branch.get("items").valueStream().flatMap(r -> r.get("uses").valueStream())
                .map(u -> u.get("hostName").asString())).doesNotContain("hq-hv01", "hq-hv02");
    }

    @Test
    void aVlanItsSwitchNoLongerCarriesIsAMismatch() {
        // An administrator narrows the switch on the host itself, behind Corral's back.
        HostConnection hqHv02 = simulator.connect(URI.create("sim://hq-hv02"));
        hqHv02.updateSwitch(new VirtualSwitch("LAN", VirtualSwitch.Kind.EXTERNAL, "eth1", new TreeSet<>(List.of(10, 30))));
        try {
            assertThat(api.post("/api/v1/switches/refresh?host=" + HQ_HV02, "admin", "demo", null).status()).isEqualTo(204);

            JsonNode mismatched = api.get("/api/v1/vlans?mismatches=true", "admin", "demo").json();
            JsonNode twenty = row(mismatched, 20);
            assertThat(twenty.get("mismatches").asInt()).isGreaterThanOrEqualTo(1);
            JsonNode exch01 = twenty.get("uses").valueStream().filter(u -> u.get("vmName").asString().equals("exch01"))
                    .findFirst().orElseThrow();
            assertThat(exch01.get("problem").asString()).isEqualTo("switch LAN does not carry VLAN 20");
            assertThat(twenty.get("uses").valueStream().filter(u -> u.get("vmName").asString().equals("sql01"))
                    .findFirst().orElseThrow().get("problem").isNull()).as("sql01's switch on hq-hv01 still carries 20").isTrue();
            assertThat(mismatched.get("items").valueStream().map(r -> r.get("vlan").asInt())).doesNotContain(10, 30);
            JsonNode list = api.get("/api/v1/vlans/mismatches?host=" + HQ_HV02, "admin", "demo").json();
            assertThat(list.get("items").valueStream().map(u -> u.get("vmName").asString() + ": " + u.get("problem").asString()))
                    .contains("exch01: switch LAN does not carry VLAN 20");
        } finally {
            hqHv02.updateSwitch(new VirtualSwitch("LAN", VirtualSwitch.Kind.EXTERNAL, "eth1", new TreeSet<>(List.of(10, 20, 30))));
            api.post("/api/v1/switches/refresh?host=" + HQ_HV02, "admin", "demo", null);
        }
        assertThat(api.get("/api/v1/vlans/mismatches?host=" + HQ_HV02, "admin", "demo").json().get("items").valueStream()
                .map(u -> u.get("vmName").asString())).doesNotContain("exch01");
    }

    @Test
    void theOpenApiDescriptionHasEveryNetworkEndpoint() {
        JsonNode paths = api.get("/api/v1/openapi.json", "admin", "demo").json().get("paths");

        assertThat(paths.propertyNames()).contains("/api/v1/switches", "/api/v1/switches/{id}", "/api/v1/switches/refresh",
                "/api/v1/vlans", "/api/v1/vlans/mismatches", "/api/v1/hosts/{id}/adapters",
                "/api/v1/hosts/{id}/management-adapter");
        assertThat(paths.get("/api/v1/switches/{id}").propertyNames()).contains("get", "patch", "delete");
        assertThat(paths.get("/api/v1/switches").propertyNames()).contains("get", "post");
        assertThat(paths.get("/api/v1/hosts/{id}/management-adapter").propertyNames()).contains("put", "delete");
        assertThat(paths.get("/api/v1/vlans").get("get").get("parameters").valueStream().map(p -> p.get("name").asString()))
                .contains("vlan", "host", "mismatches", "page", "size");
    }

    // ---- helpers

    private Response create(UUID host, String name, String kind, String adapter, String vlans) {
        return create(host, name, kind, adapter, vlans, "admin");
    }

    private Response create(UUID host, String name, String kind, String adapter, String vlans, String user) {
        return api.post("/api/v1/switches", user, "demo", "{\"hostId\":\"" + host + "\",\"name\":\"" + name + "\",\"kind\":\""
                + kind + "\"" + (adapter == null ? "" : ",\"physicalAdapter\":\"" + adapter + "\"")
                + (vlans == null ? "" : ",\"allowedVlans\":\"" + vlans + "\"") + "}");
    }

    private static String fieldError(Response response, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        JsonNode error = response.json().get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo(field);
        return error.get("message").asString();
    }

    private static JsonNode find(JsonNode page, String host, String name) {
        return page.get("items").valueStream()
                .filter(s -> s.get("hostName").asString().equals(host) && s.get("name").asString().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no switch " + name + " on " + host + " in " + page));
    }

    private static List<String> hosts(JsonNode page) {
        return page.get("items").valueStream().map(s -> s.get("hostName").asString()).distinct().toList();
    }

    private static JsonNode row(JsonNode page, int vlan) {
        return page.get("items").valueStream().filter(r -> r.get("vlan").asInt() == vlan).findFirst()
                .orElseThrow(() -> new AssertionError("no VLAN " + vlan + " in " + page));
    }

    private VirtualSwitch onHost(String host, String name) {
        return simulator.connect(URI.create("sim://" + host)).switches().stream().filter(s -> s.name().equals(name))
                .findFirst().orElseThrow();
    }

    private void removeFromHost(String host, String name) {
        HostConnection connection = simulator.connect(URI.create("sim://" + host));
        if (connection.switches().stream().anyMatch(s -> s.name().equals(name))) {
            connection.deleteSwitch(name);
        }
        api.post("/api/v1/switches/refresh?host=" + DemoFleet.host(host), "admin", "demo", null);
    }
}
