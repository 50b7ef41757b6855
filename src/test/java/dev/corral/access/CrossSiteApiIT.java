package dev.corral.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corral.support.ApiClient;
import dev.corral.support.ApiClient.Response;
import dev.corral.support.CorralIntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A page on another site cannot make a signed-in browser change anything through the API: state-
 * changing calls that a browser marks as coming from elsewhere are refused, and the API never asks
 * a browser for Basic credentials it would then cache. Scripts (no Origin) work as before.
 */
@CorralIntegrationTest
class CrossSiteApiIT {

    static final String TOKEN = "{\"name\":\"cross-site\",\"expiresInDays\":1}";

    @LocalServerPort
    int port;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example", "null", "http://localhost.evil.example", "http://localhost:1"})
    void aStateChangingCallFromAnotherOriginIsRefused(String origin) {
        int tokensBefore = api.get("/api/v1/tokens", "auditor", "demo").json().size();

        Response refused = api.send("POST", "/api/v1/tokens", "auditor", "demo", TOKEN, Map.of("Origin", origin));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("type").asString()).isEqualTo("https://corral.dev/problems/cross-site-request");
        assertThat(refused.json().get("detail").asString()).contains(origin);
        assertThat(api.get("/api/v1/tokens", "auditor", "demo").json().size()).as("no token made").isEqualTo(tokensBefore);
    }

    @Test
    void everyStateChangingMethodIsChecked() {
        for (String method : new String[] {"PUT", "PATCH", "DELETE"}) {
            Response refused = api.send(method, "/api/v1/tokens/00000000-0000-0000-0000-000000000000", "auditor",
                    "demo", "{}", Map.of("Origin", "https://evil.example"));
            assertThat(refused.status()).as(method).isEqualTo(403);
        }
    }

    @Test
    void aCrossSiteFetchWithoutAnOriginIsRefusedToo() {
        Response refused = api.send("POST", "/api/v1/tokens", "auditor", "demo", TOKEN,
                Map.of("Sec-Fetch-Site", "cross-site"));

        assertThat(refused.status()).isEqualTo(403);
    }

    @Test
    void theConsolesOwnOriginAndScriptsWithoutAnOriginMayChangeThings() {
        Response sameOrigin = api.send("POST", "/api/v1/tokens", "auditor", "demo", TOKEN,
                Map.of("Origin", "http://localhost:" + port, "Sec-Fetch-Site", "same-origin"));
        Response script = api.post("/api/v1/tokens", "auditor", "demo", TOKEN);

        assertThat(sameOrigin.status()).as(sameOrigin.body()).isEqualTo(201);
        assertThat(script.status()).as(script.body()).isEqualTo(201);
    }

    @Test
    void readsFromAnotherOriginAreNotRefused() {
        Response read = api.send("GET", "/api/v1/me", "auditor", "demo", null, Map.of("Origin", "https://evil.example"));

        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header("Access-Control-Allow-Origin")).as("and the browser may not read them").isNull();
    }

    @Test
    void the401NeverAsksABrowserForBasicCredentials() {
        Response anonymous = api.get("/api/v1/me", null, null);
        Response wrong = api.get("/api/v1/me", "nobody-here", "wrong");

        for (Response response : new Response[] {anonymous, wrong}) {
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.headers().allValues("WWW-Authenticate")).noneMatch(v -> v.regionMatches(true, 0, "Basic", 0, 5));
            assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"Corral\"");
        }
    }
}
