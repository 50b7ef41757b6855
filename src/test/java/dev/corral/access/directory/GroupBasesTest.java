package dev.corral.access.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.corral.access.DirectoryProperties;
import dev.corral.access.DirectoryProperties.Mode;
import java.util.List;
import javax.naming.ldap.LdapName;
import org.junit.jupiter.api.Test;

/** Which groups count for access: under the group bases, by the name in their DN; on Active Directory, security groups only. */
class GroupBasesTest {

    private static final LdapName NO_BASE = new LdapName(List.of());

    @Test
    void aGroupCountsOnlyUnderABaseByTheNameInItsDn() throws Exception {
        GroupBases bases = GroupBases.of(properties(Mode.ACTIVE_DIRECTORY, "",
                List.of("ou=Groups,dc=corp,dc=example,dc=com", "ou=Admin Groups,ou=IT,dc=corp,dc=example,dc=com")), NO_BASE);

        assertThat(bases.nameOf("CN=corral-admins,OU=Groups,DC=corp,DC=example,DC=com")).contains("corral-admins");
        assertThat(bases.nameOf("cn=Ops,ou=Team A,ou=Groups,dc=corp,dc=example,dc=com")).as("below a base").contains("Ops");
        assertThat(bases.nameOf("cn=auditors,ou=admin groups,ou=it,dc=corp,dc=example,dc=com")).contains("auditors");
        assertThat(bases.nameOf("cn=corral-admins,ou=Projects,dc=corp,dc=example,dc=com")).as("outside").isEmpty();
        assertThat(bases.nameOf("cn=corral-admins,ou=Groups,dc=other,dc=example,dc=com")).as("another domain").isEmpty();
        assertThat(bases.nameOf("ou=Groups,dc=corp,dc=example,dc=com")).as("the base itself").isEmpty();
        assertThat(bases.nameOf("cn=x,ou=Groups,dc=corp,dc=example,dc=com,dc=evil")).isEmpty();
        assertThat(bases.nameOf("not a dn")).isEmpty();
    }

    @Test
    void onLdapTheGroupSearchBaseBelowTheConnectionsBaseIsTheDefault() throws Exception {
        GroupBases bases = GroupBases.of(properties(Mode.LDAP, "ou=groups", List.of()), new LdapName("dc=corral,dc=local"));

        assertThat(bases.nameOf("cn=developers,ou=groups,dc=corral,dc=local")).contains("developers");
        assertThat(bases.nameOf("cn=corral-admins,ou=people,dc=corral,dc=local")).isEmpty();
    }

    @Test
    void withoutAnyBaseCorralDoesNotStart() {
        assertThatThrownBy(() -> GroupBases.of(properties(Mode.ACTIVE_DIRECTORY, "ou=groups", List.of()), NO_BASE))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("corral.directory.group-bases");
        assertThatThrownBy(() -> GroupBases.of(properties(Mode.LDAP, "", List.of()), NO_BASE))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("corral.directory.group-bases");
        assertThatThrownBy(() -> GroupBases.of(properties(Mode.LDAP, "", List.of("no dn here")), NO_BASE))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("\"no dn here\" is not a DN");
    }

    @Test
    void onlySecurityGroupsCountOnActiveDirectory() {
        // Global, domain-local, universal security groups; as a signed number and as an unsigned one.
        assertThat(GroupBases.isSecurityGroup("-2147483646")).isTrue();
        assertThat(GroupBases.isSecurityGroup("-2147483644")).isTrue();
        assertThat(GroupBases.isSecurityGroup("-2147483640")).isTrue();
        assertThat(GroupBases.isSecurityGroup("2147483650")).isTrue();
        // Global, domain-local, universal distribution lists; no type at all.
        assertThat(GroupBases.isSecurityGroup("2")).isFalse();
        assertThat(GroupBases.isSecurityGroup("4")).isFalse();
        assertThat(GroupBases.isSecurityGroup("8")).isFalse();
        assertThat(GroupBases.isSecurityGroup(null)).isFalse();
        assertThat(GroupBases.isSecurityGroup("security")).isFalse();
    }

    private static DirectoryProperties properties(Mode mode, String groupSearchBase, List<String> groupBases) {
        return new DirectoryProperties(mode, null, null, null, groupSearchBase, null, groupBases, "corp.example.com",
                "ldap://dc1.corp.example.com", null, null, null, false);
    }
}
