package dev.corral.vms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corral.support.ApiClient;
import dev.corral.support.ApiClient.Response;
import dev.corral.support.CorralIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** {@code GET /api/v1/vms} narrowed by guest OS family and by host group, subgroups included. */
@CorralIntegrationTest
class VmFilterApiIT {

    static final UUID BR_HV02 = UUID.nameUUIDFromBytes("host/br-hv02".getBytes(StandardCharsets.UTF_8));

    @LocalServerPort
    int port;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    @Test
    void theGuestFilterKeepsOneFamilyAndCountsOnlyIt() {
        JsonNode linux = list("guest=LINUX&size=500");
        JsonNode windows = list("guest=WINDOWS&size=500");
        JsonNode all = list("size=500");

        assertThat(names(linux)).contains("web01", "build01", "br-app01").doesNotContain("dc01", "br-file01");
        assertThat(linux.get("items").valueStream().map(v -> v.get("guestFamily").asString())).containsOnly("LINUX");
        assertThat(linux.get("totalElements").asLong()).isEqualTo(names(linux).size());
        assertThat(names(windows)).contains("dc01", "br-file01").doesNotContain("web01");
        assertThat(linux.get("totalElements").asLong() + windows.get("totalElements").asLong())
                .isLessThanOrEqualTo(all.get("totalElements").asLong());
    }

    @Test
    void filtersCombineAndPageInTheDatabase() {
        UUID branch = group("Branch");
        JsonNode page = list("hostGroup=" + branch + "&guest=WINDOWS&size=2&page=0&sort=name");

        assertThat(page.get("items").size()).isEqualTo(2);
        assertThat(names(page)).containsExactly("br-app02", "br-file01");
        assertThat(page.get("totalElements").asLong()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void anUnknownGuestFamilyIs400() {
        Response response = api.get("/api/v1/vms?guest=BEOS", "admin", "demo");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aHostGroupIncludesTheHostsOfItsSubgroups() {
        UUID branch = group("Branch");
        Response annex = api.post("/api/v1/host-groups", "admin", "demo",
                "{\"name\":\"Annex\",\"parentId\":\"" + branch + "\"}");
        assertThat(annex.status()).as(annex.body()).isEqualTo(201);
        UUID annexId = UUID.fromString(annex.json().get("id").asString());
        moveBrHv02To(annexId);
        try {
            JsonNode inBranch = list("hostGroup=" + branch + "&size=500");
            JsonNode inAnnex = list("hostGroup=" + annexId + "&size=500");

            assertThat(names(inBranch)).contains("br-file01", "br-print01", "br-app01", "br-sandbox")
                    .doesNotContain("sql01");
            assertThat(names(inAnnex)).contains("br-app01", "br-sandbox").doesNotContain("br-file01", "br-print01");
        } finally {
            moveBrHv02To(branch);
            api.send("DELETE", "/api/v1/host-groups/" + annexId, "admin", "demo");
        }
    }

    private void moveBrHv02To(UUID group) {
        Response moved = api.send("PATCH", "/api/v1/hosts/" + BR_HV02, "admin", "demo", "{\"hostGroupId\":\"" + group + "\"}");
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
    }

    private UUID group(String name) {
        return api.get("/api/v1/host-groups", "admin", "demo").json().valueStream()
                .filter(g -> g.get("name").asString().equals(name))
                .map(g -> UUID.fromString(g.get("id").asString())).findFirst().orElseThrow();
    }

    private JsonNode list(String query) {
        Response response = api.get("/api/v1/vms?" + query, "admin", "demo");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static List<String> names(JsonNode page) {
        return page.get("items").valueStream().map(v -> v.get("name").asString()).toList();
    }
}
