package dev.corral.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corral.support.ApiClient;
import dev.corral.support.ApiClient.Response;
import dev.corral.support.DirectoryEntries;
import dev.corral.support.OpenLdapServer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.ldap.core.LdapTemplate;
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

    @Autowired
    LdapTemplate ldap;

    @DynamicPropertySource
    static void directory(DynamicPropertyRegistry registry) throws Exception {
        server = OpenLdapServer.start(SUFFIX, Path.of("config/directory/corral-demo.ldif"));
        server.connect(registry, SUFFIX);
        // Groups searched for in the whole directory; only those under the group base count.
        registry.add("corral.directory.group-search-base", () -> "");
        registry.add("corral.directory.group-bases", () -> "ou=groups," + SUFFIX);
        // The ldap profile applies no demo assignments: the first administrators as an administrator names them.
        registry.add("corral.access.initial-assignments[0].principal-type", () -> "GROUP");
        registry.add("corral.access.initial-assignments[0].principal-name", () -> "corral-admins");
        registry.add("corral.access.initial-assignments[0].role", () -> "Administrator");
        registry.add("corral.access.initial-assignments[1].principal-type", () -> "GROUP");
        registry.add("corral.access.initial-assignments[1].principal-name", () -> "auditors");
        registry.add("corral.access.initial-assignments[1].role", () -> "Auditor");
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
    void groupsOutsideTheGroupBaseOrNamedByAnExtraCnConferNothing() {
        DirectoryEntries.organizationalUnit(ldap, "ou=projects");
        DirectoryEntries.group(ldap, "cn=corral-admins,ou=projects", List.of("corral-admins"),
                "uid=dev,ou=people," + SUFFIX);
        DirectoryEntries.group(ldap, "cn=hq-night-shift,ou=groups", List.of("hq-night-shift", "corral-admins"),
                "uid=hq-admin,ou=people," + SUFFIX);
        ApiClient api = new ApiClient(port);

        assertThat(groups(api.get("/api/v1/me", "dev", "demo"))).containsExactly("developers");
        assertThat(groups(api.get("/api/v1/me", "hq-admin", "demo"))).containsExactly("hq-admins", "hq-night-shift");
        assertThat(api.get("/api/v1/audit", "dev", "demo").status()).as("an Administrator's endpoint").isEqualTo(403);
        assertThat(api.get("/api/v1/audit", "hq-admin", "demo").status()).isEqualTo(403);
        assertThat(api.get("/api/v1/audit", "admin", "demo").status()).as("the real corral-admins").isEqualTo(200);
    }

    private static List<String> groups(Response me) {
        assertThat(me.status()).isEqualTo(200);
        return me.json().get("groups").valueStream().map(g -> g.asString()).toList();
    }

    /**
     * OpenLDAP's password policy locks an account with pwdAccountLockedTime (an administrator's
     * lock is 000001010000Z): the account's API token stops working, with the reason, at once.
     */
    @Test
    void aTokenOfAnAccountThePasswordPolicyLockedIsRefused() {
        ApiClient api = new ApiClient(port);
        Response created = api.post("/api/v1/tokens", "auditor", "demo", "{\"name\":\"nightly report\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String token = created.json().get("value").asString();
        String dn = "uid=auditor,ou=people";
        ldap.modifyAttributes(dn, new javax.naming.directory.ModificationItem[] {new javax.naming.directory.ModificationItem(
                javax.naming.directory.DirContext.ADD_ATTRIBUTE,
                new javax.naming.directory.BasicAttribute("pwdAccountLockedTime", "000001010000Z"))});
        try {
            Response refused = api.bearer("GET", "/api/v1/me", token);

            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.json().get("detail").asString())
                    .isEqualTo("The owner of this API token is disabled or locked in the directory.");
            Response signIn = api.get("/api/v1/me", "auditor", "demo");
            assertThat(signIn.status()).as("a password sign-in too").isEqualTo(401);
            assertThat(signIn.json().get("detail").asString()).isEqualTo("This account is disabled or locked in the directory.");
        } finally {
            ldap.modifyAttributes(dn, new javax.naming.directory.ModificationItem[] {new javax.naming.directory.ModificationItem(
                    javax.naming.directory.DirContext.REMOVE_ATTRIBUTE,
                    new javax.naming.directory.BasicAttribute("pwdAccountLockedTime"))});
        }
    }

    @Test
    void wrongPasswordAndInjectionAttemptsAreRefused() {
        ApiClient api = new ApiClient(port);
        assertThat(api.get("/api/v1/me", "admin", "wrong").status()).isEqualTo(401);
        assertThat(api.get("/api/v1/me", "*)(uid=*", "demo").status()).isEqualTo(401);
        assertThat(api.get("/api/v1/me", "admin)(|(a=*", "demo").status()).isEqualTo(401);
    }
}
