package dev.corral.access.directory;

import dev.corral.access.DirectoryProperties;
import dev.corral.access.PrincipalDirectory;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.ldap.core.DirContextOperations;
import org.springframework.ldap.core.support.BaseLdapPathContextSource;
import org.springframework.security.ldap.search.FilterBasedLdapUserSearch;
import org.springframework.stereotype.Service;

/**
 * A user's current groups, nested ones included, read from the directory as sign-in reads them:
 * for explaining someone else's rights, and for API tokens, which run with their owner's groups.
 */
@Service
class DirectoryGroups implements PrincipalDirectory {

    private final DirectoryProperties directory;
    private final ObjectProvider<BaseLdapPathContextSource> contextSource;
    private final DirectorySearch search;

    DirectoryGroups(DirectoryProperties directory, ObjectProvider<BaseLdapPathContextSource> contextSource,
            DirectorySearch search) {
        this.directory = directory;
        this.contextSource = contextSource;
        this.search = search;
    }

    @Override
    public java.util.Optional<Set<String>> groupsOf(String user) {
        try {
            return read(user);
        } catch (org.springframework.ldap.NamingException e) {
            throw new dev.corral.base.ServiceUnavailableException("The directory cannot be reached to read the groups of "
                    + user + "; try again shortly.", e);
        }
    }

    private java.util.Optional<Set<String>> read(String user) {
        if (directory.mode() == DirectoryProperties.Mode.ACTIVE_DIRECTORY) {
            return search.activeDirectoryGroupsOf(user, directory.adRootDn(),
                    GroupBases.of(directory, new javax.naming.ldap.LdapName(java.util.List.of())));
        }
        BaseLdapPathContextSource source = contextSource.getObject();
        DirContextOperations entry;
        try {
            entry = new FilterBasedLdapUserSearch(directory.userSearchBase(), directory.userSearchFilter(), source)
                    .searchForUser(user);
        } catch (org.springframework.security.core.userdetails.UsernameNotFoundException unknown) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new LdapGroups(directory, source).namesOf(entry.getNameInNamespace(), user));
    }
}
