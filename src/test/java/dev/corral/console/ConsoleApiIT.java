package dev.corral.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.corral.engine.sim.SimScreen;
import dev.corral.engine.sim.SimulatorEngine;
import dev.corral.support.ApiClient;
import dev.corral.support.ApiClient.Response;
import dev.corral.support.Await;
import dev.corral.support.ConsoleSocket;
import dev.corral.support.CorralIntegrationTest;
import dev.corral.support.DemoFleet;
import dev.corral.support.MutableClock;
import dev.corral.support.RfbTestClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The console through the API as any RFB client would use it: a ticket from {@code POST
 * /api/v1/vms/{id}/console}, then the WebSocket, through which the VM's screen arrives. Every
 * refusal (no right, a hidden VM, an unknown, reused or expired ticket, a page of another site)
 * is refused before any upgrade and audited; every session is audited when it opens and closes.
 */
@CorralIntegrationTest
@org.junit.jupiter.api.Timeout(90)
class ConsoleApiIT {

    static final UUID HQ_HV02 = DemoFleet.host("hq-hv02");

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    SimulatorEngine simulator;

    ApiClient api;
    UUID vm;
    final List<AutoCloseable> open = new java.util.ArrayList<>();

    @BeforeEach
    void ownVm() {
        api = new ApiClient(port);
        String name = "console-" + UUID.randomUUID().toString().substring(0, 8);
        JsonNode job = api.succeeded(api.post("/api/v1/vms", "admin", "demo",
                "{\"hostId\":\"" + HQ_HV02 + "\",\"name\":\"" + name + "\",\"vcpus\":1,\"memoryMiB\":512,"
                        + "\"guestFamily\":\"LINUX\",\"guestName\":\"Debian 12\"}"), "admin");
        vm = UUID.fromString(job.get("vmId").asString());
    }

    @AfterEach
    void cleanUp() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
        api.succeeded(api.send("DELETE", "/api/v1/vms/" + vm, "admin", "demo"), "admin");
    }

    @Test
    void aTicketOpensTheScreenOfTheVmThroughTheRelay() throws Exception {
        Response ticket = api.post("/api/v1/vms/" + vm + "/console", "hq-admin", "demo", "");

        assertThat(ticket.status()).isEqualTo(200);
        JsonNode body = ticket.json();
        assertThat(body.get("vmId").asString()).isEqualTo(vm.toString());
        assertThat(body.get("url").asString()).isEqualTo("ws://localhost:" + port + "/console/ws?ticket=" + body.get("ticket").asString());
        assertThat(body.get("expiresAt").asString()).isEqualTo(clock.instant().plusSeconds(30).toString());

        RfbTestClient screen = rfb(body.get("url").asString());
        assertThat(screen.name()).isEqualTo(body.get("vmName").asString());
        screen.requestUpdate(false);
        screen.awaitUpdate(Duration.ofSeconds(10));
        assertThat(screen.pixel(SimScreen.BACKGROUND_PROBE_X, SimScreen.BACKGROUND_PROBE_Y)).isEqualTo(SimScreen.backgroundOf(vm));

        screen.type("hello");
        Await.until("the echo of what was typed", Duration.ofSeconds(10),
                () -> simulator.screen("hq-hv02", vm).echoLine(), "hello"::equals);
        assertThat(audit("console.open", "SUCCESS")).anySatisfy(e -> {
            assertThat(e.get("principal").asString()).isEqualTo("hq-admin");
            assertThat(e.get("objectId").asString()).isEqualTo(vm.toString());
            assertThat(e.get("details").asString()).isEqualTo("Console opened: 1 viewer.");
        });
    }

    @Test
    void closingTheViewerEndsTheSessionInTheAuditTrail() throws Exception {
        ConsoleSocket socket = ConsoleSocket.open(ticket("hq-admin"));
        RfbTestClient screen = RfbTestClient.connect(socket.input(), socket.output());
        assertThat(screen.width()).isPositive();
        screen.close();
        socket.close();

        JsonNode closed = Await.until("console.close in the audit trail", Duration.ofSeconds(10),
                () -> audit("console.close", "SUCCESS"), list -> !list.isEmpty()).getFirst();
        assertThat(closed.get("principal").asString()).isEqualTo("hq-admin");
        assertThat(closed.get("details").asString()).matches("Console closed after \\d+ s: Closed by the viewer\\.");
    }

    @Test
    void aUserWithoutTheRightGetsNoTicketAndTheRefusalIsAudited() {
        Response auditor = api.post("/api/v1/vms/" + vm + "/console", "auditor", "demo", "");
        assertThat(auditor.status()).isEqualTo(403);
        assertThat(auditor.contentType()).startsWith("application/problem+json");
        assertThat(auditor.json().get("detail").asString()).contains("vm.console");
        assertThat(api.get("/api/v1/audit?principal=auditor&object=" + vm + "&outcome=REFUSED", "admin", "demo").json()
                .get("items")).anySatisfy(e -> assertThat(e.get("action").asString()).isEqualTo("vm.console"));

        // branch-ops operates Branch only: the HQ VM is not theirs to see, so it is unknown.
        Response hidden = api.post("/api/v1/vms/" + vm + "/console", "branch-ops", "demo", "");
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(hidden.body()).doesNotContain(api.get("/api/v1/vms/" + vm, "admin", "demo").json().get("vm").get("name").asString());
    }

    @Test
    void aReusedTicketIsRefusedAtTheHandshakeAndAudited() throws Exception {
        String url = ticket("hq-admin");
        open.add(ConsoleSocket.open(url));

        assertThatThrownBy(() -> ConsoleSocket.open(url)).isInstanceOfSatisfying(ConsoleSocket.Refused.class,
                refused -> assertThat(refused.status()).isEqualTo(403));
        assertThat(audit("console.open", "REFUSED")).anySatisfy(e -> assertThat(e.get("details").asString())
                .isEqualTo("This console ticket was used already; ask for a new one."));
    }

    @Test
    void anExpiredTicketIsRefusedAtTheHandshakeAndAudited() {
        String url = ticket("hq-admin");
        clock.advance(Duration.ofSeconds(31));

        assertThatThrownBy(() -> ConsoleSocket.open(url)).isInstanceOfSatisfying(ConsoleSocket.Refused.class,
                refused -> assertThat(refused.status()).isEqualTo(403));
        assertThat(audit("console.open", "REFUSED")).anySatisfy(e -> assertThat(e.get("details").asString())
                .startsWith("This console ticket expired at "));
    }

    @Test
    void aPageOfAnotherSiteIsRefusedAtTheHandshakeAndAudited() {
        String url = ticket("hq-admin");

        assertThatThrownBy(() -> ConsoleSocket.open(url, Map.of("Origin", "https://evil.example")))
                .isInstanceOfSatisfying(ConsoleSocket.Refused.class, refused -> assertThat(refused.status()).isEqualTo(403));
        assertThat(audit("console.open", "REFUSED")).anySatisfy(e -> assertThat(e.get("details").asString())
                .isEqualTo("A page of https://evil.example may not open Corral's consoles."));
    }

    @Test
    void corralsOwnPageMayOpenIt() throws Exception {
        ConsoleSocket socket = ConsoleSocket.open(ticket("hq-admin"), Map.of("Origin", "http://localhost:" + port));
        open.add(socket);
        RfbTestClient screen = RfbTestClient.connect(socket.input(), socket.output());
        open.add(screen);
        assertThat(screen.width()).isPositive();
    }

    @Test
    void anUnknownTicketIsRefusedAndAuditedWithoutAName() {
        assertThatThrownBy(() -> ConsoleSocket.open("ws://localhost:" + port + "/console/ws?ticket=made-up"))
                .isInstanceOfSatisfying(ConsoleSocket.Refused.class, refused -> assertThat(refused.status()).isEqualTo(403));
        JsonNode refused = api.get("/api/v1/audit?principal=anonymous&outcome=REFUSED", "admin", "demo").json().get("items");
        assertThat(refused).anySatisfy(e -> {
            assertThat(e.get("action").asString()).isEqualTo("console.open");
            assertThat(e.get("details").asString()).isEqualTo("This console ticket is not known (or expired long ago).");
        });
    }

    @Test
    void aSessionWithoutInputClosesAfterTheIdleTimeout() throws Exception {
        ConsoleSocket socket = ConsoleSocket.open(ticket("hq-admin"));
        open.add(socket);
        RfbTestClient screen = RfbTestClient.connect(socket.input(), socket.output());
        open.add(screen);
        // Update requests are not a person's input: they do not keep the session open.
        screen.requestUpdate(true);
        clock.advance(Duration.ofMinutes(15));

        assertThat(socket.awaitClose(Duration.ofSeconds(10))).isEqualTo("4000 Closed after 15 min without input.");
        assertThat(audit("console.close", "SUCCESS")).anySatisfy(e -> assertThat(e.get("details").asString())
                .isEqualTo("Console closed after 15 min: Closed after 15 min without input."));
    }

    @Test
    void losingTheRightEndsAnOpenSession() throws Exception {
        String assignment = api.post("/api/v1/assignments", "admin", "demo", "{\"principalType\":\"USER\",\"principalName\":"
                + "\"auditor\",\"roleId\":\"" + DemoFleet.role("VM Operator") + "\",\"scope\":\"vm:" + vm + "\"}").json()
                .get("id").asString();
        ConsoleSocket socket = ConsoleSocket.open(ticket("auditor"));
        open.add(socket);
        RfbTestClient screen = RfbTestClient.connect(socket.input(), socket.output());
        open.add(screen);

        assertThat(api.send("DELETE", "/api/v1/assignments/" + assignment, "admin", "demo").status()).isEqualTo(204);
        clock.advance(Duration.ofSeconds(10));

        assertThat(socket.awaitClose(Duration.ofSeconds(10))).startsWith("4000 The right to this console was withdrawn");
        assertThat(audit("console.close", "SUCCESS")).anySatisfy(e -> {
            assertThat(e.get("principal").asString()).isEqualTo("auditor");
            assertThat(e.get("details").asString()).contains("The right to this console was withdrawn: auditor may not vm.console");
        });
    }

    private String ticket(String user) {
        Response ticket = api.post("/api/v1/vms/" + vm + "/console", user, "demo", "");
        assertThat(ticket.status()).as(ticket.body()).isEqualTo(200);
        return ticket.json().get("url").asString();
    }

    private RfbTestClient rfb(String url) throws Exception {
        ConsoleSocket socket = ConsoleSocket.open(url);
        open.add(socket);
        RfbTestClient client = RfbTestClient.connect(socket.input(), socket.output());
        open.add(client);
        return client;
    }

    private List<JsonNode> audit(String action, String outcome) {
        JsonNode items = api.get("/api/v1/audit?object=" + vm + "&outcome=" + outcome + "&size=200", "admin", "demo").json().get("items");
        return StreamSupport.stream(items.spliterator(), false).filter(e -> action.equals(e.get("action").asString())).toList();
    }
}
