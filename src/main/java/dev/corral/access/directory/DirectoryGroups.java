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
    private final java.time.Clock clock;

    DirectoryGroups(DirectoryProperties directory, ObjectProvider<BaseLdapPathContextSource> contextSource,
            DirectorySearch search, java.time.Clock clock) {
        this.directory = directory;
        this.contextSource = contextSource;
        this.search = search;
        this.clock = clock;
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

    @Override
    public java.util.Optional<Account> accountOf(String user) {
        try {
            if (directory.mode() == DirectoryProperties.Mode.ACTIVE_DIRECTORY) {
                return activeDirectoryAccountOf(user);
            }
            return readLdap(user).map(found -> new Account(groupsOf(found, user),
                    !AccountLocks.refusesSignIn(found)));
        } catch (org.springframework.ldap.NamingException e) {
            throw new dev.corral.base.ServiceUnavailableException("The directory cannot be reached to read the account of "
                    + user + "; try again shortly.", e);
        }
    }

    private java.util.Optional<Set<String>> read(String user) {
        if (directory.mode() == DirectoryProperties.Mode.ACTIVE_DIRECTORY) {
            return activeDirectoryAccountOf(user).map(Account::groups);
        }
        return readLdap(user).map(entry -> groupsOf(entry, user));
    }

    // Explain, tokens and owner checks find the account and its groups as sign-in does.
    private java.util.Optional<Account> activeDirectoryAccountOf(String user) {
        return search.activeDirectoryAccountOf(user, directory.adRootDn(),
                GroupBases.of(directory, new javax.naming.ldap.LdapName(java.util.List.of())), clock.instant());
    }

    private java.util.Optional<DirContextOperations> readLdap(String user) {
        FilterBasedLdapUserSearch users = new FilterBasedLdapUserSearch(directory.userSearchBase(),
                directory.userSearchFilter(), contextSource.getObject());
        // All user attributes, and the lock attributes that some servers keep operational.
        users.setReturningAttributes(AccountLocks.signInAttributes());
        try {
            return java.util.Optional.of(users.searchForUser(user));
        } catch (org.springframework.security.core.userdetails.UsernameNotFoundException unknown) {
            return java.util.Optional.empty();
        }
    }

    private Set<String> groupsOf(DirContextOperations entry, String user) {
        return new LdapGroups(directory, contextSource.getObject()).namesOf(entry.getNameInNamespace(), user);
    }
}
