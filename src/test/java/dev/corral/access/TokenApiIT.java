package dev.corral.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corral.support.ApiClient;
import dev.corral.support.ApiClient.Response;
import dev.corral.support.CorralIntegrationTest;
import dev.corral.support.MutableClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Personal API tokens: shown once, stored as a hash, revocable, expiring, never more than the owner. */
@CorralIntegrationTest
class TokenApiIT {

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    InMemoryDirectoryServer directory;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    @ParameterizedTest
    @CsvSource({
        "nsAccountLock,        TRUE",
        "pwdAccountLockedTime, 20260601080000Z"})
    void aTokenOfAnOwnerTheDirectoryHasDisabledOrLockedIsRefused(String attribute, String value) throws Exception {
        String used = create("dev", "{\"name\":\"used before\"}").get("value").asString();
        String fresh = create("dev", "{\"name\":\"never used\"}").get("value").asString();
        assertThat(bearerStatus("/api/v1/me", used)).isEqualTo(200);
        String dn = "uid=dev,ou=people,dc=corral,dc=local";
        knowAccountLockAttributes();
        directory.modify(dn, new Modification(ModificationType.REPLACE, attribute, value));
        try {
            clock.advance(Duration.ofMinutes(2).plusSeconds(1));

            for (String token : new String[] {used, fresh}) {
                HttpResponse<String> refused = bearerCall("/api/v1/me", token);
                assertThat(refused.statusCode()).isEqualTo(401);
                assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
                assertThat(refused.body()).contains("disabled or locked in the directory");
            }
            Response trail = api.get("/api/v1/audit?principal=dev&outcome=REFUSED", "auditor", "demo");
            assertThat(trail.body()).contains("The account is disabled or locked in the directory.");
        } finally {
            directory.modify(dn, new Modification(ModificationType.DELETE, attribute));
        }
        clock.advance(Duration.ofMinutes(2).plusSeconds(1));
        assertThat(bearerStatus("/api/v1/me", used)).as("unlocked again").isEqualTo(200);
    }

    /**
     * 389 DS's and OpenLDAP's lock attributes, which UnboundID's standard schema lacks; operational,
     * as on those servers, so they are only read when asked for by name.
     */
    private void knowAccountLockAttributes() throws Exception {
        if (directory.getSchema().getAttributeType("nsAccountLock") != null) {
            return;
        }
        directory.modify("cn=schema", new Modification(ModificationType.ADD, "attributeTypes",
                "( 2.16.840.1.113730.3.1.610 NAME 'nsAccountLock' EQUALITY caseIgnoreMatch "
                        + "SYNTAX 1.3.6.1.4.1.1466.115.121.1.15 SINGLE-VALUE USAGE directoryOperation )",
                "( 1.3.6.1.4.1.42.2.27.8.1.17 NAME 'pwdAccountLockedTime' EQUALITY generalizedTimeMatch "
                        + "SYNTAX 1.3.6.1.4.1.1466.115.121.1.24 SINGLE-VALUE USAGE directoryOperation )"));
    }

    @Test
    void aTokenSignsItsOwnerInWithTheOwnersCurrentGroups() throws Exception {
        String token = create("branch-ops", "{\"name\":\"nightly script\",\"expiresInDays\":7}").get("value").asString();

        JsonNode me = bearer("/api/v1/me", token);

        assertThat(me.get("name").asString()).isEqualTo("branch-ops");
        assertThat(me.get("groups").valueStream().map(JsonNode::asString).toList())
                .containsExactly("branch-operators", "operators");
        assertThat(me.get("roles").get(0).get("role").asString()).isEqualTo("VM Operator");
    }

    @Test
    void onlyAHashIsStoredAndTheValueIsNeverListed() {
        JsonNode created = create("auditor", "{\"name\":\"reports\"}");
        String value = created.get("value").asString();

        assertThat(value).startsWith("crl_");
        assertThat(jdbc.queryForObject("select count(*) from api_token where token_hash = ?", Integer.class, value)).isZero();
        assertThat(api.get("/api/v1/tokens", "auditor", "demo").body()).contains("reports").doesNotContain(value);
    }

    @Test
    void aRevokedOrExpiredTokenIsRefused() throws Exception {
        JsonNode revokedToken = create("dev", "{\"name\":\"short\",\"expiresInDays\":1}");
        JsonNode expiringToken = create("dev", "{\"name\":\"shorter\",\"expiresInDays\":1}");
        api.send("DELETE", "/api/v1/tokens/" + revokedToken.get("token").get("id").asString(), "dev", "demo");

        assertThat(bearerStatus("/api/v1/me", revokedToken.get("value").asString())).isEqualTo(401);
        assertThat(bearerStatus("/api/v1/me", expiringToken.get("value").asString())).isEqualTo(200);
        clock.advance(Duration.ofDays(1).plusSeconds(1));
        assertThat(bearerStatus("/api/v1/me", expiringToken.get("value").asString())).isEqualTo(401);
        assertThat(bearerStatus("/api/v1/me", "crl_made-up")).isEqualTo(401);
    }

    @Test
    void badTokenRequestsAre400AtTheirField() {
        Response zeroDays = api.post("/api/v1/tokens", "dev", "demo", "{\"name\":\"x\",\"expiresInDays\":0}");
        Response noName = api.post("/api/v1/tokens", "dev", "demo", "{\"name\":\"  \"}");

        assertThat(zeroDays.status()).isEqualTo(400);
        assertThat(zeroDays.json().get("errors").get(0).get("field").asString()).isEqualTo("expiresInDays");
        assertThat(noName.json().get("errors").get(0).get("field").asString()).isEqualTo("name");
    }

    @Test
    void aTokenCannotMintAnotherToken() throws Exception {
        String token = create("admin", "{\"name\":\"ci\"}").get("value").asString();

        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/v1/tokens")).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"more\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
    }

    private JsonNode create(String user, String json) {
        Response response = api.post("/api/v1/tokens", user, "demo", json);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    private JsonNode bearer(String path, String token) throws Exception {
        HttpResponse<String> response = bearerCall(path, token);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JsonMapper.builder().build().readTree(response.body());
    }

    private int bearerStatus(String path, String token) throws Exception {
        return bearerCall(path, token).statusCode();
    }

    private HttpResponse<String> bearerCall(String path, String token) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
