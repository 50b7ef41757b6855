package dev.corral.access.directory;

import dev.corral.access.DirectoryProperties;
import dev.corral.base.SignedInUser;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.ldap.core.DirContextOperations;
import org.springframework.ldap.core.support.BaseLdapPathContextSource;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.ldap.userdetails.LdapAuthoritiesPopulator;
import org.springframework.security.ldap.userdetails.LdapAuthority;
import org.springframework.security.ldap.userdetails.NestedLdapAuthoritiesPopulator;

/**
 * A user's groups on the embedded or an LDAP directory, nested ones included (searched below the
 * group search base), of which only those under the {@link GroupBases} count, each by the name in
 * its DN. Sign-in and the reading of someone else's groups (API tokens, explanations) both use it.
 */
public final class LdapGroups implements LdapAuthoritiesPopulator {

    private final NestedLdapAuthoritiesPopulator nested;
    private final GroupBases bases;

    public LdapGroups(DirectoryProperties directory, BaseLdapPathContextSource contextSource) {
        this.bases = GroupBases.of(directory, contextSource.getBaseLdapName());
        this.nested = new NestedLdapAuthoritiesPopulator(contextSource, directory.groupSearchBase());
        nested.setGroupSearchFilter(directory.groupSearchFilter());
        nested.setGroupRoleAttribute("cn");
        nested.setConvertToUpperCase(false);
        nested.setSearchSubtree(true);
        nested.setMaxSearchDepth(10);
    }

    @Override
    public Collection<? extends GrantedAuthority> getGrantedAuthorities(DirContextOperations user, String username) {
        return namesOf(user.getNameInNamespace(), username).stream()
                .map(name -> new SimpleGrantedAuthority(SignedInUser.GROUP_PREFIX + name))
                .toList();
    }

    /** The names of the groups that count, of the user with this DN. */
    Set<String> namesOf(String userDn, String username) {
        // One authority per cn value of each group: the group is known by its DN, not by those.
        return nested.getGroupMembershipRoles(userDn, username).stream()
                .filter(LdapAuthority.class::isInstance)
                .map(authority -> bases.nameOf(((LdapAuthority) authority).getDn()))
                .flatMap(Optional::stream)
                .collect(Collectors.toCollection(() -> new TreeSet<>(String.CASE_INSENSITIVE_ORDER)));
    }
}
