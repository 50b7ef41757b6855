package dev.corral.base;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corral.support.ApiClient;
import dev.corral.support.ApiClient.Response;
import dev.corral.support.CorralIntegrationTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The OpenAPI description at {@code /api/v1/openapi.json}, as a client generator would fetch it. */
@CorralIntegrationTest
class OpenApiIT {

    @LocalServerPort
    int port;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    @Test
    void describesEveryEndpointOfTheApi() {
        Response response = api.get("/api/v1/openapi.json", "dev", "demo");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json");
        JsonNode paths = response.json().get("paths");
        assertThat(paths.propertyNames()).contains("/api/v1/me", "/api/v1/vms", "/api/v1/vms/{id}",
                "/api/v1/vms/{id}/actions/{action}", "/api/v1/vms/{id}/snapshots", "/api/v1/hosts", "/api/v1/host-groups",
                "/api/v1/jobs", "/api/v1/assignments", "/api/v1/roles", "/api/v1/access/explain", "/api/v1/audit",
                "/api/v1/audit/verify", "/api/v1/tokens");
        assertThat(paths.propertyNames()).allMatch(path -> path.startsWith("/api/v1/"));
        List<String> vmFilters = paths.get("/api/v1/vms").get("get").get("parameters").valueStream()
                .map(p -> p.get("name").asString()).toList();
        assertThat(vmFilters).contains("q", "host", "hostGroup", "owner", "state", "guest", "page", "size", "sort");
    }

    @Test
    void namesCorralAndBothWaysToAuthenticate() {
        JsonNode document = api.get("/api/v1/openapi.json", "admin", "demo").json();

        assertThat(document.get("info").get("title").asString()).isEqualTo("Corral");
        assertThat(document.get("info").get("version").asString()).isNotBlank();
        assertThat(document.get("info").get("description").asString()).contains("REST API");
        JsonNode schemes = document.get("components").get("securitySchemes");
        assertThat(schemes.get("basicAuth").get("scheme").asString()).isEqualTo("basic");
        assertThat(schemes.get("bearerAuth").get("scheme").asString()).isEqualTo("bearer");
        assertThat(document.get("security").valueStream().flatMap(r -> r.propertyNames().stream()))
                .containsExactlyInAnyOrder("basicAuth", "bearerAuth");
    }

    @Test
    void likeTheRestOfTheApiItNeedsCredentials() {
        Response anonymous = api.get("/api/v1/openapi.json", null, null);

        assertThat(anonymous.status()).isEqualTo(401);
    }
}
