package dev.corral.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corral.support.ApiClient;
import dev.corral.support.ApiClient.Response;
import dev.corral.support.CorralIntegrationTest;
import dev.corral.support.DirectoryEntries;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.ldap.core.LdapTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Groups count for access only under the configured group bases, and by the name in their DN: a
 * group of the same name created elsewhere in the directory, or a group given a second cn,
 * confers nothing. The groups are searched for in the whole directory here (as with an unset
 * group search base), so that only the group bases keep the impostors out.
 */
@CorralIntegrationTest
@TestPropertySource(properties = {
    "corral.directory.group-search-base=",
    "corral.directory.group-bases=ou=groups,dc=corral,dc=local"})
class GroupBasesApiIT {

    private static final String PEOPLE = "ou=people,dc=corral,dc=local";

    @LocalServerPort
    int port;

    @Autowired
    LdapTemplate ldap;

    @Test
    void aGroupNamedCorralAdminsOutsideTheGroupBasesConfersNothing() {
        DirectoryEntries.organizationalUnit(ldap, "ou=projects");
        DirectoryEntries.group(ldap, "cn=corral-admins,ou=projects", List.of("corral-admins"), "uid=dev," + PEOPLE);

        assertThat(groups("dev")).containsExactly("developers");
        assertThat(roles("dev")).containsExactly("Self-Service User @ host-group");
        assertThat(api().get("/api/v1/audit", "dev", "demo").status()).as("an Administrator's endpoint").isEqualTo(403);
        // The demo's own groups, inside the base, still count.
        assertThat(groups("admin")).containsExactly("corral-admins");
        assertThat(roles("admin")).containsExactly("Administrator @ global");
    }

    @Test
    void aGroupCountsByTheNameInItsDnNotByAnExtraCn() {
        DirectoryEntries.group(ldap, "cn=hq-night-shift,ou=groups", List.of("hq-night-shift", "corral-admins"),
                "uid=hq-admin," + PEOPLE);

        assertThat(groups("hq-admin")).containsExactly("hq-admins", "hq-night-shift");
        assertThat(roles("hq-admin")).containsExactly("Delegated Administrator @ host-group");
        assertThat(api().get("/api/v1/audit", "hq-admin", "demo").status()).isEqualTo(403);
    }

    private ApiClient api() {
        return new ApiClient(port);
    }

    private List<String> groups(String user) {
        Response me = api().get("/api/v1/me", user, "demo");
        assertThat(me.status()).isEqualTo(200);
        return me.json().get("groups").valueStream().map(g -> g.asString()).toList();
    }

    private List<String> roles(String user) {
        return api().get("/api/v1/me", user, "demo").json().get("roles").valueStream()
                .map(r -> r.get("role").asString() + " @ " + r.get("scope").asString()).toList();
    }
}
