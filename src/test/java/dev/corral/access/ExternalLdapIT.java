package dev.corral.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corral.support.ApiClient;
import dev.corral.support.ApiClient.Response;
import dev.corral.support.OpenLdapServer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The {@code ldap} profile against a real OpenLDAP server holding the demo directory: search and
 * bind through a service account, nested groups through repeated group searches.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "ldap"})
class ExternalLdapIT {

    private static final String SUFFIX = "dc=corral,dc=local";
    private static OpenLdapServer server;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void directory(DynamicPropertyRegistry registry) throws Exception {
        server = OpenLdapServer.start(SUFFIX, Path.of("config/directory/corral-demo.ldif"));
        registry.add("spring.ldap.urls", server::url);
        registry.add("spring.ldap.base", () -> SUFFIX);
        registry.add("spring.ldap.username", () -> OpenLdapServer.ROOT_DN_SUFFIX + SUFFIX);
        registry.add("spring.ldap.password", () -> OpenLdapServer.ROOT_PASSWORD);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void signsInWithNestedGroupsResolved() {
        Response response = new ApiClient(port).get("/api/v1/me", "branch-ops", "demo");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("displayName").asString()).isEqualTo("Bea Branch");
        assertThat(response.json().get("groups").valueStream().map(g -> g.asString()).toList())
                .containsExactly("branch-operators", "operators");
    }

    @Test
    void wrongPasswordAndInjectionAttemptsAreRefused() {
        ApiClient api = new ApiClient(port);
        assertThat(api.get("/api/v1/me", "admin", "wrong").status()).isEqualTo(401);
        assertThat(api.get("/api/v1/me", "*)(uid=*", "demo").status()).isEqualTo(401);
        assertThat(api.get("/api/v1/me", "admin)(|(a=*", "demo").status()).isEqualTo(401);
    }
}
