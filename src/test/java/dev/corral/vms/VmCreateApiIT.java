package dev.corral.vms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corral.support.ApiClient;
import dev.corral.support.ApiClient.Response;
import dev.corral.support.CorralIntegrationTest;
import dev.corral.support.DemoFleet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Creating a VM with disks, network adapters on VLANs, an owner, a lease and tags: checked field
 * by field and against the host before anything is created, and then found again by its tags.
 */
@CorralIntegrationTest
class VmCreateApiIT {

    static final UUID HQ_HV02 = DemoFleet.host("hq-hv02");
    static final UUID BR_HV02 = DemoFleet.host("br-hv02");

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    dev.corral.support.MutableClock clock;

    ApiClient api;

    @org.springframework.beans.factory.annotation.Autowired
    VmAdapters adapters;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    @Test
    void aVmWithDisksAdaptersLeaseAndTagsIsCreatedAsAskedAndFoundByTag() throws Exception {
        String lease = LocalDate.now(clock).plusDays(30).toString();
        Response created = create("admin", """
                {"hostId":"%s","name":"lab-router","vcpus":2,"memoryMiB":1024,"guestFamily":"LINUX","guestName":"Debian 12",
                 "disks":[{"name":"system","kind":"FIXED","sizeGiB":20},{"name":"logs","sizeGiB":100}],
                 "networkAdapters":[{"switchName":"LAN","vlanMode":"ACCESS","vlanId":20},
                                    {"switchName":"LAN","vlanMode":"TRUNK","allowedVlans":"10, 20 30","nativeVlan":10},
                                    {"switchName":"Lab","type":"LEGACY","mac":"00:15:5D:AA:BB:01"}],
                 "owner":"hq-admin","purpose":"Routing between the lab and the LAN",
                 "leaseExpires":"%s","leaseAction":"SAVE","tags":{"env":"lab","team":"net"}}
                """.formatted(HQ_HV02, lease));
        assertThat(created.status()).as(created.body()).isEqualTo(202);
        JsonNode job = awaitJob(created.json().get("id").asString());
        assertThat(job.get("state").asString()).as(job.toString()).isEqualTo("SUCCEEDED");

        JsonNode found = api.get("/api/v1/vms?tag=team=net", "admin", "demo").json();
        assertThat(names(found)).containsExactly("lab-router");
        assertThat(names(api.get("/api/v1/vms?tag=TEAM&q=lab-", "admin", "demo").json())).containsExactly("lab-router");
        assertThat(names(api.get("/api/v1/vms?tag=team=other", "admin", "demo").json())).isEmpty();
        JsonNode row = found.get("items").get(0);
        assertThat(row.get("owner").asString()).isEqualTo("hq-admin");
        assertThat(row.get("storageGiB").asLong()).isEqualTo(120);
        assertThat(row.get("leaseExpires").asString()).isEqualTo(lease);

        JsonNode vm = api.get("/api/v1/vms/" + row.get("id").asString(), "admin", "demo").json();
        JsonNode about = vm.get("provenance");
        assertThat(about.get("purpose").asString()).isEqualTo("Routing between the lab and the LAN");
        assertThat(about.get("createdBy").asString()).isEqualTo("admin");
        assertThat(about.get("lease").get("action").asString()).isEqualTo("SAVE");
        assertThat(about.get("tags").get("env").asString()).isEqualTo("lab");
        JsonNode spec = vm.get("live").get("spec");
        assertThat(spec.get("disks").size()).isEqualTo(2);
        assertThat(spec.get("disks").get(0).get("kind").asString()).isEqualTo("FIXED");
        JsonNode adapters = spec.get("networkAdapters");
        assertThat(adapters.get(0).get("vlan").get("tag").asInt()).isEqualTo(20);
        assertThat(adapters.get(1).get("vlan").get("tags").toString()).isEqualTo("[10,20,30]");
        assertThat(adapters.get(1).get("vlan").get("nativeTag").asInt()).isEqualTo(10);
        assertThat(adapters.get(2).get("type").asString()).isEqualTo("LEGACY");
        assertThat(adapters.get(2).get("mac").asString()).isEqualTo("00:15:5d:aa:bb:01");
    }

    @Test
    void unusableVlansAreRefusedAtTheAdaptersFieldAndNothingIsCreated() {
        for (int vlan : new int[] {0, 4095, 5000, -1}) {
            Response refused = create("admin", adapterVm("vlan-" + Math.abs(vlan), "{\"switchName\":\"LAN\",\"vlanMode\":\"ACCESS\",\"vlanId\":" + vlan + "}"));
            assertProblemAt(refused, 400, "networkAdapters[0].vlanId", "1 to 4094");
        }
        assertProblemAt(create("admin", adapterVm("trunk-bad", "{\"switchName\":\"LAN\",\"vlanMode\":\"TRUNK\",\"allowedVlans\":\"10,4095\"}")),
                400, "networkAdapters[0].allowedVlans", "4095");
        assertProblemAt(create("admin", adapterVm("trunk-native", "{\"switchName\":\"LAN\",\"vlanMode\":\"TRUNK\",\"allowedVlans\":\"10-12, 100-110\",\"nativeVlan\":20}")),
                400, "networkAdapters[0].nativeVlan", "native");
        assertThat(api.get("/api/v1/vms?q=vlan-", "admin", "demo").json().get("totalElements").asLong()).isZero();
    }

    @Test
    void theHostsSwitchesAndTheirVlansAreCheckedBeforeAnythingIsCreated() {
        assertProblemAt(create("admin", adapterVm("no-switch", "{\"switchName\":\"DMZ\"}")), 400,
                "networkAdapters[0].switchName", "hq-hv02 has no virtual switch named DMZ; it has LAN, Lab.");
        assertProblemAt(create("admin", adapterVm("wrong-vlan", "{\"switchName\":\"LAN\",\"vlanId\":42}")), 400,
                "networkAdapters[0].vlanId", "Switch LAN carries VLANs 10, 20, 30 only; this adapter needs VLAN 42.");
        // On br-hv02, whose hypervisor (Windows Server 2022) allows a VM more than the host has; hq-hv02's
        // Hyper-V 2008 would refuse these first for its own per-VM limits.
        assertProblemAt(create("admin", "{\"hostId\":\"" + BR_HV02 + "\",\"name\":\"too-wide\",\"vcpus\":64,\"memoryMiB\":512}"),
                400, "vcpus", "logical processors");
        assertProblemAt(create("admin", "{\"hostId\":\"" + BR_HV02 + "\",\"name\":\"too-big\",\"vcpus\":1,\"memoryMiB\":999999}"),
                400, "memoryMiB", "MiB of memory in all");
        assertProblemAt(create("admin", "{\"hostId\":\"" + HQ_HV02 + "\",\"name\":\"exch01\",\"vcpus\":1,\"memoryMiB\":512}"),
                400, "name", "already has a VM named exch01");
        assertProblemAt(create("admin", "{\"hostId\":\"" + HQ_HV02 + "\",\"name\":\"d\",\"vcpus\":1,\"memoryMiB\":512,"
                + "\"disks\":[{\"name\":\"system\",\"sizeGiB\":5000}]}"), 400, "disks[0].sizeGiB", "2040");
        assertThat(api.get("/api/v1/vms?q=no-switch", "admin", "demo").json().get("totalElements").asLong()).isZero();
    }

    @Test
    void ownerLeaseAndTagsAreCheckedAndOnlyThoseWithOwnershipRightsNameAnotherOwner() {
        String base = "{\"hostId\":\"" + BR_HV02 + "\",\"name\":\"x1\",\"vcpus\":1,\"memoryMiB\":512,";
        assertProblemAt(create("admin", base + "\"leaseExpires\":\"" + LocalDate.now(clock) + "\"}"), 400, "leaseExpires", "after today");
        assertProblemAt(create("admin", base + "\"tags\":{\"bad key!\":\"x\"}}"), 400, "tags", "not valid");
        assertProblemAt(create("admin", base + "\"owner\":\"nobody-here\"}"), 400, "owner", "no user nobody-here");
        Response operator = create("dev", base + "\"owner\":\"branch-ops\"}");
        assertThat(operator.status()).as(operator.body()).isEqualTo(403);
        assertThat(operator.json().get("detail").asString()).contains("vm.ownership");
    }

    @Test
    void aStaticMacIsUniqueInTheFleetAndTheInventoryKnowsEachAdaptersVlans() throws Exception {
        Response first = create("admin", adapterVm("mac-one", "{\"switchName\":\"LAN\",\"vlanId\":10,\"mac\":\"00:15:5d:77:00:01\"}"));
        assertThat(awaitJob(first.json().get("id").asString()).get("state").asString()).isEqualTo("SUCCEEDED");

        assertProblemAt(create("admin", adapterVm("mac-two", "{\"switchName\":\"LAN\",\"mac\":\"00-15-5D-77-00-01\"}")), 400,
                "networkAdapters[0].mac", "already used by VM mac-one");
        assertProblemAt(create("admin", adapterVm("mac-three", "{\"switchName\":\"LAN\",\"mac\":\"00:15:5d:77:00:02\"},"
                + "{\"switchName\":\"Lab\",\"mac\":\"00:15:5d:77:00:02\"}")), 400, "networkAdapters[1].mac", "two adapters");
        assertThat(adapters.onSwitch(HQ_HV02, "lan")).filteredOn(a -> a.vmName().equals("mac-one"))
                .extracting(a -> a.adapter().vlan()).containsExactly(new dev.corral.engine.VlanSetting.Access(10));
        assertThat(adapters.withMac("00:15:5D:77:00:01")).map(AdapterUse::staticMac).contains(true);
    }

    @Test
    void migrationNeedsTheVlansOnTheTarget() throws Exception {
        Response created = create("admin", "{\"hostId\":\"" + HQ_HV02 + "\",\"name\":\"vlan-30-vm\",\"vcpus\":1,"
                + "\"memoryMiB\":256,\"networkAdapters\":[{\"switchName\":\"Lab\"}]}");
        String vmId = awaitJob(created.json().get("id").asString()).get("vmId").asString();

        Response refused = api.post("/api/v1/vms/" + vmId + "/migrate", "admin", "demo",
                "{\"targetHost\":\"" + DemoFleet.host("hq-hv01") + "\"}");

        assertProblemAt(refused, 400, "targetHost", "hq-hv01 cannot take vlan-30-vm: it has no virtual switch named Lab.");
    }

    @Test
    void anOffVmsAdaptersAreReplacedAndTheInventoryFollows() throws Exception {
        Response created = create("admin", adapterVm("rewire-me", "{\"switchName\":\"LAN\",\"vlanId\":10}"));
        String vmId = awaitJob(created.json().get("id").asString()).get("vmId").asString();
        String etag = api.get("/api/v1/vms/" + vmId, "admin", "demo").header("ETag");

        Response refused = api.send("PATCH", "/api/v1/vms/" + vmId, "admin", "demo",
                "{\"networkAdapters\":[{\"switchName\":\"LAN\",\"vlanId\":42}]}", java.util.Map.of("If-Match", etag));
        assertProblemAt(refused, 400, "networkAdapters[0].vlanId", "carries VLANs 10, 20, 30 only");
        Response changed = api.send("PATCH", "/api/v1/vms/" + vmId, "admin", "demo",
                "{\"networkAdapters\":[{\"switchName\":\"LAN\",\"vlanMode\":\"TRUNK\",\"allowedVlans\":\"20,30\",\"nativeVlan\":20},"
                        + "{\"switchName\":\"Lab\"}]}", java.util.Map.of("If-Match", etag));

        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        JsonNode live = api.get("/api/v1/vms/" + vmId, "admin", "demo").json().get("live").get("spec").get("networkAdapters");
        assertThat(live.size()).isEqualTo(2);
        assertThat(live.get(0).get("vlan").get("tags").toString()).isEqualTo("[20,30]");
        assertThat(adapters.ofVm(UUID.fromString(vmId))).extracting(a -> a.adapter().switchName()).containsExactly("LAN", "Lab");
        assertThat(adapters.onSwitch(HQ_HV02, "LAN")).filteredOn(a -> a.vmName().equals("rewire-me"))
                .extracting(a -> a.adapter().vlan()).containsExactly(new dev.corral.engine.VlanSetting.Trunk(
                        new java.util.TreeSet<>(List.of(20, 30)), 20));
    }

    /** Hole "host disks": naming where a disk lives is vm.storage.attach, which a self-service user does not hold. */
    @Test
    void aSelfServiceUserMayNotNameADiskSourceADeviceOrAParent() {
        String base = "{\"hostId\":\"" + BR_HV02 + "\",\"name\":\"attach-dev\",\"vcpus\":1,\"memoryMiB\":512,\"disks\":[%s]}";
        List<String> disks = List.of(
                "{\"name\":\"lun\",\"kind\":\"PASS_THROUGH\",\"sizeGiB\":10,\"source\":\"/dev/disk/by-path/pci-0000:00:1f.2-ata-1\"}",
                "{\"name\":\"system\",\"sizeGiB\":10,\"source\":\"/var/lib/libvirt/images/br-sandbox-system.qcow2\"}",
                "{\"name\":\"system\",\"kind\":\"DIFFERENCING\",\"sizeGiB\":10,\"parent\":\"/var/lib/libvirt/images/base.qcow2\"}");
        for (String disk : disks) {
            Response refused = create("dev", base.formatted(disk));

            assertThat(refused.status()).as(refused.body()).isEqualTo(403);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().get("detail").asString()).contains("vm.storage.attach");
        }
        JsonNode audit = api.get("/api/v1/audit?principal=dev&outcome=refused", "auditor", "demo").json().get("items");
        assertThat(audit.valueStream().filter(e -> e.get("action").asString().equals("vm.storage.attach")).count())
                .isGreaterThanOrEqualTo(3);
        assertThat(api.get("/api/v1/vms?q=attach-dev", "admin", "demo").json().get("totalElements").asLong()).isZero();
    }

    @Test
    void anImageAnotherVmUsesIsNotAttachedAndAPassThroughDiskCountsItsDeclaredSize() throws Exception {
        Response first = create("admin", "{\"hostId\":\"" + BR_HV02 + "\",\"name\":\"attach-one\",\"vcpus\":1,\"memoryMiB\":512,"
                + "\"disks\":[{\"name\":\"system\",\"kind\":\"FIXED\",\"sizeGiB\":20,\"source\":\"/var/lib/corral-it/shared.img\"},"
                + "{\"name\":\"lun\",\"kind\":\"PASS_THROUGH\",\"sizeGiB\":50,\"source\":\"/dev/disk/by-id/wwn-0x5000c500a1b2c3d4\"}]}");
        JsonNode job = awaitJob(first.json().get("id").asString());
        assertThat(job.get("state").asString()).as(job.toString()).isEqualTo("SUCCEEDED");
        String one = job.get("vmId").asString();
        try {
            assertThat(api.get("/api/v1/vms/" + one, "admin", "demo").json().get("vm").get("storageGiB").asLong()).isEqualTo(70);

            Response again = create("admin", "{\"hostId\":\"" + BR_HV02 + "\",\"name\":\"attach-two\",\"vcpus\":1,\"memoryMiB\":512,"
                    + "\"disks\":[{\"name\":\"system\",\"sizeGiB\":5},{\"name\":\"data\",\"kind\":\"FIXED\",\"sizeGiB\":20,"
                    + "\"source\":\"/var/lib/corral-it/shared.img\"}]}");
            assertProblemAt(again, 422, "disks[1].source", "/var/lib/corral-it/shared.img is already used by VM attach-one");
            Response sameLun = create("admin", "{\"hostId\":\"" + BR_HV02 + "\",\"name\":\"attach-two\",\"vcpus\":1,\"memoryMiB\":512,"
                    + "\"disks\":[{\"name\":\"lun\",\"kind\":\"PASS_THROUGH\",\"sizeGiB\":50,"
                    + "\"source\":\"/dev/disk/by-id/wwn-0x5000c500a1b2c3d4\"}]}");
            assertProblemAt(sameLun, 422, "disks[0].source", "already used by VM attach-one");
            Response unsized = create("admin", "{\"hostId\":\"" + BR_HV02 + "\",\"name\":\"attach-two\",\"vcpus\":1,\"memoryMiB\":512,"
                    + "\"disks\":[{\"name\":\"lun\",\"kind\":\"PASS_THROUGH\",\"source\":\"/dev/disk/by-id/wwn-0x5000c500a1b2c3d5\"}]}");
            assertProblemAt(unsized, 400, "disks[0].sizeGiB", "pass-through");
            assertThat(api.get("/api/v1/vms?q=attach-two", "admin", "demo").json().get("totalElements").asLong()).isZero();
        } finally {
            awaitJob(api.send("DELETE", "/api/v1/vms/" + one, "admin", "demo").json().get("id").asString());
        }
    }

    private String adapterVm(String name, String adapter) {
        return "{\"hostId\":\"" + HQ_HV02 + "\",\"name\":\"" + name + "\",\"vcpus\":1,\"memoryMiB\":512,\"networkAdapters\":["
                + adapter + "]}";
    }

    private static void assertProblemAt(Response response, int status, String field, String text) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode error = response.json().get("errors").get(0);
        assertThat(error.get("field").asString()).as(response.body()).isEqualTo(field);
        assertThat(error.get("message").asString()).contains(text);
    }

    private Response create(String user, String json) {
        return api.post("/api/v1/vms", user, "demo", json);
    }

    private JsonNode awaitJob(String id) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        JsonNode job = api.get("/api/v1/jobs/" + id, "admin", "demo").json();
        while (List.of("QUEUED", "RUNNING").contains(job.get("state").asString()) && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
            job = api.get("/api/v1/jobs/" + id, "admin", "demo").json();
        }
        return job;
    }

    private static List<String> names(JsonNode page) {
        return page.get("items").valueStream().map(v -> v.get("name").asString()).toList();
    }
}
