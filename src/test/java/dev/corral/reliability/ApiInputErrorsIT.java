package dev.corral.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corral.support.ApiClient;
import dev.corral.support.ApiClient.Response;
import dev.corral.support.CorralIntegrationTest;
import dev.corral.support.DemoFleet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * What a script is told when Corral cannot read what it sent: the field (with its path inside
 * the body), what was expected, and for an unknown field or query parameter the ones there are.
 * Each is a 400 {@code invalid-input} problem with the field in {@code errors}, and nothing is
 * created.
 */
@CorralIntegrationTest
class ApiInputErrorsIT {

    static final String HOST = DemoFleet.host("hq-hv02").toString();

    @LocalServerPort
    int port;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    @Test
    void anUnknownFieldIsNamedWithTheFieldsThereAre() {
        Response answer = create("\"name\":\"input-1\",\"vcpus\":1,\"memoryMiB\":512,\"colour\":\"red\"");

        assertInvalid(answer, "colour", "There is no field colour here; the fields are architecture, diskGiB, disks, "
                + "guestFamily, guestName, hostId, leaseAction, leaseExpires, memoryMiB, name, networkAdapters, owner, "
                + "purpose, switchName, tags, vcpus.");
        assertThat(named("input-1")).isZero();
    }

    @Test
    void aWrongTypeSaysWhatWasExpected() {
        assertInvalid(create("\"name\":\"input-2\",\"vcpus\":\"two\",\"memoryMiB\":512"), "vcpus",
                "Give vcpus as a whole number, not \"two\".");
        assertInvalid(create("\"name\":\"input-2\",\"vcpus\":1,\"memoryMiB\":512,\"guestFamily\":\"BEOS\""), "guestFamily",
                "Give guestFamily as one of WINDOWS, LINUX, OTHER, not \"BEOS\".");
        assertThat(named("input-2")).isZero();
    }

    @Test
    void aFieldInsideAListIsNamedByItsPath() {
        Response answer = create("\"name\":\"input-3\",\"vcpus\":1,\"memoryMiB\":512,\"networkAdapters\":"
                + "[{\"switchName\":\"External\"},{\"switchName\":\"External\",\"vlanId\":\"ten\"}]");

        assertInvalid(answer, "networkAdapters[1].vlanId", "Give networkAdapters[1].vlanId as a whole number, not \"ten\".");
        assertThat(named("input-3")).isZero();
    }

    @Test
    void malformedJsonSaysWhere() {
        Response answer = api.post("/api/v1/vms", "admin", "demo", "{\"hostId\":\"" + HOST + "\",\"name\":");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("errors").get(0).get("field").asString()).isEqualTo("body");
        assertThat(answer.json().get("detail").asString()).startsWith("The body is not well-formed JSON (line 1, column ");
    }

    @Test
    void anUnknownQueryParameterIsRefusedRatherThanIgnored() {
        Response answer = api.get("/api/v1/vms?hostId=" + HOST, "admin", "demo");

        assertInvalid(answer, "hostId",
                "There is no query parameter hostId here; the parameters are guest, host, hostGroup, owner, page, q, size, "
                        + "sort, state, tag.");
    }

    @Test
    void aLongUnknownNameIsRepeatedOnlyInPart() {
        String name = "x".repeat(1000);
        assertInvalid(api.get("/api/v1/me?" + name + "=1", "admin", "demo"), "x".repeat(40) + "…",
                "This operation takes no query parameters; " + "x".repeat(40) + "… is not one.");
    }

    @Test
    void anOperationWithoutParametersSaysSo() {
        assertInvalid(api.get("/api/v1/me?verbose=true", "admin", "demo"), "verbose",
                "This operation takes no query parameters; verbose is not one.");
    }

    @Test
    void aQueryParameterOfTheWrongTypeSaysWhatWasExpected() {
        assertInvalid(api.get("/api/v1/vms?size=ten", "admin", "demo"), "size", "Give size as a whole number, not \"ten\".");
        assertInvalid(api.get("/api/v1/vms?state=ASLEEP", "admin", "demo"), "state",
                "Give state as one of OFF, STARTING, RUNNING, PAUSED, SAVING, SAVED, STOPPING, UNKNOWN, not \"ASLEEP\".");
        assertInvalid(api.get("/api/v1/vms?host=hq-hv02", "admin", "demo"), "host",
                "Give host as an id (a UUID), not \"hq-hv02\".");
    }

    private Response create(String fields) {
        return api.post("/api/v1/vms", "admin", "demo", "{\"hostId\":\"" + HOST + "\"," + fields + "}");
    }

    private long named(String name) {
        return api.get("/api/v1/vms?q=" + name, "admin", "demo").json().get("totalElements").asLong();
    }

    private static void assertInvalid(Response answer, String field, String message) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        JsonNode body = answer.json();
        assertThat(body.get("type").asString()).isEqualTo("https://corral.dev/problems/invalid-input");
        assertThat(body.get("detail").asString()).isEqualTo(message);
        assertThat(body.get("errors")).hasSize(1);
        assertThat(body.get("errors").get(0).get("field").asString()).isEqualTo(field);
        assertThat(body.get("errors").get(0).get("message").asString()).isEqualTo(message);
        assertThat(answer.body()).doesNotContain("Exception").doesNotContain("at dev.corral");
    }
}
