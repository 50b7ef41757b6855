package dev.corral.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corral.support.ApiClient;
import dev.corral.support.ApiClient.Response;
import dev.corral.support.CorralIntegrationTest;
import dev.corral.support.DemoFleet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Hostile input through the API: metacharacters of XML, LDAP and SQL, unicode, 10,000-character
 * strings, negative and huge sizes, unusable VLANs, malformed JSON, wrong types, unknown fields
 * and ids outside the caller's scope. Every answer is a 4xx problem+json without a stack trace,
 * and nothing is half-applied: the inventory's counts are the same afterwards.
 */
@CorralIntegrationTest
class HostileInputApiIT {

    static final String HUGE = "x".repeat(10_000);
    static final List<String> NAMES = List.of("<vm/>", "a&b", "]]><x>", "*)(uid=*", "admin)(|(cn=*", "'; DROP TABLE vm; --",
            "\" OR 1=1 --", "../../etc/passwd", "ünïcødé-名前-🙂", "\u0000null", "line\nbreak", HUGE, " ", "");

    @LocalServerPort
    int port;

    ApiClient api;

    record Attempt(String method, String path, String user, String body) {
    }

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    @Test
    void everyHostileRequestGetsA4xxProblemAndChangesNothing() {
        String before = counts();
        UUID host = DemoFleet.host("br-hv02");
        UUID group = DemoFleet.group("Branch");
        UUID web01 = DemoFleet.vm("hq-hv01/web01");
        List<Attempt> attempts = new ArrayList<>();
        for (String name : NAMES) {
            String quoted = json(name);
            attempts.add(new Attempt("POST", "/api/v1/vms", "admin",
                    "{\"hostId\":\"" + host + "\",\"name\":" + quoted + ",\"vcpus\":1,\"memoryMiB\":256}"));
            attempts.add(new Attempt("POST", "/api/v1/vms", "admin", "{\"hostId\":\"" + host + "\",\"name\":\"ok-name\",\"vcpus\":1,"
                    + "\"memoryMiB\":256,\"tags\":{" + quoted + ":\"v\"}}"));
            attempts.add(new Attempt("POST", "/api/v1/vms", "admin", "{\"hostId\":\"" + host + "\",\"name\":\"ok-name\",\"vcpus\":1,"
                    + "\"memoryMiB\":256,\"owner\":" + quoted + "}"));
            attempts.add(new Attempt("POST", "/api/v1/vms", "admin", "{\"hostId\":\"" + host + "\",\"name\":\"ok-name\",\"vcpus\":1,"
                    + "\"memoryMiB\":256,\"networkAdapters\":[{\"switchName\":" + quoted + "}]}"));
            attempts.add(new Attempt("POST", "/api/v1/host-groups", "admin", "{\"name\":" + quoted + ",\"parentId\":\"" + group + "\"}"));
            attempts.add(new Attempt("POST", "/api/v1/hosts", "admin", "{\"name\":" + quoted + ",\"uri\":\"sim://nowhere\",\"hostGroupId\":\""
                    + group + "\"}"));
            attempts.add(new Attempt("POST", "/api/v1/hosts", "admin", "{\"name\":\"h\",\"uri\":" + quoted + ",\"hostGroupId\":\""
                    + group + "\"}"));
            attempts.add(new Attempt("POST", "/api/v1/roles", "admin", "{\"name\":" + quoted + ",\"permissions\":[\"inventory.view\"]}"));
            attempts.add(new Attempt("POST", "/api/v1/assignments", "admin", "{\"principalType\":\"USER\",\"principalName\":" + quoted
                    + ",\"roleId\":\"" + DemoFleet.role("VM Operator") + "\",\"scope\":\"global\"}"));
            attempts.add(new Attempt("POST", "/api/v1/vms/" + web01 + "/snapshots", "admin", "{\"name\":" + quoted + "}"));
            if (!name.isBlank()) {
                attempts.add(new Attempt("GET", "/api/v1/vms?sort=" + encode(name), "admin", null));
            }
        }
        for (String size : List.of("-1", "0", "99999999999", "9223372036854775807", "1.5", "\"four\"", "null", "true", "[]", "{}")) {
            attempts.add(new Attempt("POST", "/api/v1/vms", "admin",
                    "{\"hostId\":\"" + host + "\",\"name\":\"sized\",\"vcpus\":" + size + ",\"memoryMiB\":256}"));
            attempts.add(new Attempt("POST", "/api/v1/vms", "admin",
                    "{\"hostId\":\"" + host + "\",\"name\":\"sized\",\"vcpus\":1,\"memoryMiB\":" + size + "}"));
            attempts.add(new Attempt("POST", "/api/v1/vms", "admin", "{\"hostId\":\"" + host + "\",\"name\":\"sized\",\"vcpus\":1,"
                    + "\"memoryMiB\":256,\"disks\":[{\"name\":\"d\",\"sizeGiB\":" + size + "}]}"));
        }
        for (String vlan : List.of("0", "4095", "5000", "-1", "99999999999")) {
            attempts.add(new Attempt("POST", "/api/v1/vms", "admin", "{\"hostId\":\"" + host + "\",\"name\":\"vlan\",\"vcpus\":1,"
                    + "\"memoryMiB\":256,\"networkAdapters\":[{\"switchName\":\"Branch-LAN\",\"vlanMode\":\"ACCESS\",\"vlanId\":" + vlan + "}]}"));
            attempts.add(new Attempt("POST", "/api/v1/vms", "admin", "{\"hostId\":\"" + host + "\",\"name\":\"vlan\",\"vcpus\":1,"
                    + "\"memoryMiB\":256,\"networkAdapters\":[{\"switchName\":\"Branch-LAN\",\"vlanMode\":\"TRUNK\",\"allowedVlans\":\"1-"
                    + vlan + "\"}]}"));
        }
        for (String malformed : List.of("{", "{\"name\":", "[1,2", "not json", "{\"vcpus\":1}}", "\u0000", "{\"hostId\":\"not-a-uuid\"}",
                "{\"architecture\":\"ARM\"}", "{\"leaseExpires\":\"tomorrow\"}", "{\"hostId\":\"" + host + "\",\"name\":\"u\","
                        + "\"vcpus\":1,\"memoryMiB\":256,\"unknownField\":true}", "{\"tags\":[\"a\"]}")) {
            attempts.add(new Attempt("POST", "/api/v1/vms", "admin", malformed));
            attempts.add(new Attempt("PATCH", "/api/v1/vms/" + web01, "admin", malformed));
            attempts.add(new Attempt("POST", "/api/v1/hosts", "admin", malformed));
        }
        attempts.add(new Attempt("GET", "/api/v1/vms/not-a-uuid", "admin", null));
        attempts.add(new Attempt("GET", "/api/v1/vms?size=abc", "admin", null));
        attempts.add(new Attempt("GET", "/api/v1/vms?state=EXPLODED", "admin", null));
        attempts.add(new Attempt("GET", "/api/v1/vms?host=1%27%20OR%20%271", "admin", null));
        attempts.add(new Attempt("GET", "/api/v1/jobs/" + UUID.randomUUID(), "admin", null));
        attempts.add(new Attempt("POST", "/api/v1/vms/" + web01 + "/actions/" + encode("<script>"), "admin", "{}"));
        attempts.add(new Attempt("POST", "/api/v1/vms/" + web01 + "/actions/start", "dev", "{}"));
        attempts.add(new Attempt("DELETE", "/api/v1/vms/" + web01, "branch-ops", null));
        attempts.add(new Attempt("PATCH", "/api/v1/hosts/" + DemoFleet.host("hq-hv01"), "branch-ops", "{\"cluster\":\"x\"}"));
        attempts.add(new Attempt("POST", "/api/v1/vms", "dev", "{\"hostId\":\"" + DemoFleet.host("hq-hv01")
                + "\",\"name\":\"elsewhere\",\"vcpus\":1,\"memoryMiB\":256}"));

        List<String> wrong = new ArrayList<>();
        for (Attempt attempt : attempts) {
            Response response = api.send(attempt.method(), attempt.path(), attempt.user(), "demo", attempt.body());
            boolean problem = response.status() >= 400 && response.status() < 500
                    && response.contentType().startsWith("application/problem+json")
                    && !response.body().contains("Exception") && !response.body().contains("\tat ");
            if (!problem) {
                wrong.add(attempt.method() + " " + abbreviate(attempt.path()) + " " + abbreviate(String.valueOf(attempt.body()))
                        + " → " + response.status() + " " + response.contentType() + " " + abbreviate(response.body()));
            }
        }
        assertThat(wrong).as("answers that are not a 4xx problem+json").isEmpty();
        assertThat(counts()).as("nothing half-applied").isEqualTo(before);
    }

    private String counts() {
        return api.get("/api/v1/vms?size=1", "admin", "demo").json().get("totalElements").asLong() + " VMs, "
                + api.get("/api/v1/hosts", "admin", "demo").body().split("\"id\"").length + " host ids, "
                + api.get("/api/v1/roles", "admin", "demo").body().split("\"id\"").length + " role ids, "
                + api.get("/api/v1/assignments", "admin", "demo").body().split("\"id\"").length + " assignment ids";
    }

    private static String json(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String abbreviate(String text) {
        return text.length() > 160 ? text.substring(0, 160) + "…" : text;
    }
}
