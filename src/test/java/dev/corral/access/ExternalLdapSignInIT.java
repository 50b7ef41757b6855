package dev.corral.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corral.support.ApiClient;
import dev.corral.support.ApiClient.Response;
import dev.corral.support.OpenLdapServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The {@code ldap} profile against a real OpenLDAP server, configured as the README tells an
 * administrator to: default timeouts, first administrators from
 * {@code corral.access.initial-assignments}, one failed sign-in locking (so that an attempt the
 * throttle counted would show).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"corral.sign-in.max-failures=1",
                "corral.access.initial-assignments[0].principal-type=USER",
                "corral.access.initial-assignments[0].principal-name=admin",
                "corral.access.initial-assignments[0].role=Administrator",
                "corral.access.initial-assignments[1].principal-type=GROUP",
                "corral.access.initial-assignments[1].principal-name=hq-admins",
                "corral.access.initial-assignments[1].role=Delegated Administrator",
                "corral.access.initial-assignments[1].scope=host-group:HQ"})
@ActiveProfiles({"test", "ldap"})
class ExternalLdapSignInIT {

    private static final String SUFFIX = "dc=corral,dc=local";
    private static OpenLdapServer server;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void directory(DynamicPropertyRegistry registry) throws Exception {
        server = OpenLdapServer.start(SUFFIX, Path.of("config/directory/corral-demo.ldif"));
        server.connect(registry, SUFFIX);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    /**
     * A directory that accepts connections but never answers (slapd frozen with SIGSTOP): the
     * sign-in is told the directory cannot be reached within the default read timeout (10 s),
     * and the attempt is not counted against the user.
     */
    @Test
    @Timeout(60)
    void aFrozenDirectoryAnswersDirectoryUnavailableWithinTheTimeout() throws Exception {
        ApiClient api = new ApiClient(port);
        assertThat(api.get("/api/v1/me", "auditor", "demo").status()).as("warm").isEqualTo(200);
        server.freeze();
        Response refused;
        long millis;
        try {
            long start = System.nanoTime();
            refused = api.get("/api/v1/me", "auditor", "demo");
            millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        } finally {
            server.resume();
        }
        System.out.println("MEASURE frozen-directory answer ms=" + millis);

        assertThat(refused.status()).as(refused.body()).isEqualTo(503);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("type").asString()).endsWith("directory-unavailable");
        assertThat(millis).as("answered within the 10 s read timeout, with slack").isLessThan(15_000);
        assertThat(api.get("/api/v1/me", "auditor", "demo").status())
                .as("not locked: with max-failures 1, a counted attempt would lock").isEqualTo(200);
    }

    @Test
    void signInTakesTheStoredNameHoweverItWasTyped() {
        ApiClient api = new ApiClient(port);

        assertThat(api.get("/api/v1/me", "ADMIN", "demo").json().get("name").asString()).isEqualTo("admin");
        assertThat(api.get("/api/v1/me", " admin", "demo").json().get("name").asString()).isEqualTo("admin");
        Response created = api.post("/api/v1/tokens", "ADMIN", "demo", "{\"name\":\"typed in capitals\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);

        List<JsonNode> made = entries(api, "action", "token.create");
        assertThat(made).extracting(e -> e.get("principal").asString()).containsExactly("admin");
    }

    @Test
    void refusedSignInsAreAuditedUnderOneSpelling() {
        ApiClient api = new ApiClient(port);
        assertThat(api.get("/api/v1/me", "MALLORY", "guess").status()).isEqualTo(401);
        assertThat(api.get("/api/v1/me", " mallory", "guess").status()).isIn(401, 423);

        List<String> principals = entries(api, "action", "sign-in").stream()
                .filter(e -> e.get("principal").asString().equalsIgnoreCase("mallory")
                        || e.get("principal").asString().strip().equalsIgnoreCase("mallory"))
                .map(e -> e.get("principal").asString()).toList();
        assertThat(principals).containsOnly("mallory").hasSize(2);
    }

    @Test
    void theFirstAdministratorsComeFromInitialAssignmentsAndTheDemoListIsNotApplied() {
        ApiClient api = new ApiClient(port);
        Response assignments = api.get("/api/v1/assignments", "admin", "demo");
        assertThat(assignments.status()).as(assignments.body()).isEqualTo(200);

        List<String> grants = new ArrayList<>();
        assignments.json().valueStream().forEach(g -> grants.add(g.get("principalType").asString() + " "
                + g.get("principalName").asString() + ": " + g.get("role").get("name").asString() + " at "
                + g.get("scope").get("kind").asString()));
        assertThat(grants).containsExactlyInAnyOrder("USER admin: Administrator at GLOBAL",
                "GROUP hq-admins: Delegated Administrator at HOST_GROUP");
        assertThat(entries(api, "action", "assignment.create")).extracting(e -> e.get("details").asString())
                .allMatch(details -> details.startsWith("Created at first start from corral.access.initial-assignments"))
                .hasSize(2);
        assertThat(api.get("/api/v1/audit", "hq-admin", "demo").status()).as("hq-admin is no Administrator").isEqualTo(403);
    }

    @Test
    void tenSignInsOverTheApi() {
        System.out.println("MEASURE ldap sign-in median ms=" + medianSignInMillis(new ApiClient(port), "branch-ops"));
    }

    /** Sign-in time, measured (reported, not a limit): ten API sign-ins, each a search and a bind. */
    static long medianSignInMillis(ApiClient api, String user) {
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            long start = System.nanoTime();
            Response me = api.get("/api/v1/me", user, "demo");
            millis.add(Duration.ofNanos(System.nanoTime() - start).toMillis());
            assertThat(me.status()).as(me.body()).isEqualTo(200);
        }
        java.util.Collections.sort(millis);
        return (millis.get(4) + millis.get(5)) / 2;
    }

    private static List<JsonNode> entries(ApiClient api, String field, String value) {
        Response audit = api.get("/api/v1/audit?size=500", "admin", "demo");
        assertThat(audit.status()).as(audit.body()).isEqualTo(200);
        return audit.json().get("items").valueStream().filter(e -> value.equals(e.get(field).asString())).toList();
    }
}
