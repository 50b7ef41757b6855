package dev.corral.access;

import dev.corral.access.directory.AccountLocks;
import dev.corral.access.directory.ActiveDirectorySignIn;
import dev.corral.access.directory.LdapGroups;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.ldap.core.support.BaseLdapPathContextSource;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.ldap.authentication.BindAuthenticator;
import org.springframework.security.ldap.authentication.LdapAuthenticationProvider;
import org.springframework.security.ldap.search.FilterBasedLdapUserSearch;
import org.springframework.security.ldap.userdetails.InetOrgPersonContextMapper;
import org.springframework.security.ldap.userdetails.UserDetailsContextMapper;
import java.util.Collection;
import org.springframework.ldap.core.DirContextAdapter;
import org.springframework.ldap.core.DirContextOperations;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The directory that signs users in: the embedded one (demo), an external LDAP server or Active
 * Directory, chosen by {@code corral.directory.mode}. The groups that count (under the group
 * bases; see {@link dev.corral.access.directory.GroupBases}) become {@code GROUP_<cn>}
 * authorities, nested groups resolved, so nothing downstream cares which directory it was.
 */
@Configuration(proxyBeanMethods = false)
class DirectoryConfiguration {

    @Bean
    AuthenticationProvider directoryAuthenticationProvider(DirectoryProperties directory,
            ObjectProvider<BaseLdapPathContextSource> contextSource) {
        return switch (directory.mode()) {
            case EMBEDDED, LDAP -> ldapProvider(directory, contextSource.getObject());
            case ACTIVE_DIRECTORY -> new ActiveDirectorySignIn(directory);
        };
    }

    private static AuthenticationProvider ldapProvider(DirectoryProperties directory,
            BaseLdapPathContextSource contextSource) {
        // Search-and-bind: the user is found by name (the filter parameter is escaped), then bound as.
        BindAuthenticator authenticator = new BindAuthenticator(contextSource);
        FilterBasedLdapUserSearch users = new FilterBasedLdapUserSearch(
                directory.userSearchBase(), directory.userSearchFilter(), contextSource);
        // The user's attributes and the lock attributes some servers keep operational: the entry
        // the search finds is the one the mapper below reads.
        users.setReturningAttributes(AccountLocks.signInAttributes());
        authenticator.setUserSearch(users);
        authenticator.setUserAttributes(AccountLocks.signInAttributes());
        LdapAuthenticationProvider provider =
                new LdapAuthenticationProvider(authenticator, new LdapGroups(directory, contextSource));
        provider.setUserDetailsContextMapper(new StoredNameMapper(directory.userNameAttribute()));
        return provider;
    }

    /**
     * People named as the directory stores them ({@code uid}), not as typed: a directory that
     * matches names loosely ({@code DEV}, full-width letters) must not make a second user of the
     * same account, one whom user-level assignments such as No Access do not reach.
     */
    static final class StoredNameMapper implements UserDetailsContextMapper {

        static final String ACCOUNT_REFUSED = "This account is disabled or locked in the directory.";

        private final InetOrgPersonContextMapper people = new InetOrgPersonContextMapper();
        private final String nameAttribute;

        StoredNameMapper(String nameAttribute) {
            this.nameAttribute = nameAttribute;
        }

        @Override
        public UserDetails mapUserFromContext(DirContextOperations ctx, String username,
                Collection<? extends GrantedAuthority> authorities) {
            if (AccountLocks.refusesSignIn(ctx)) {
                // The password was right, but the directory has disabled or locked the account
                // (nsAccountLock, OpenLDAP's pwdAccountLockedTime), whether or not the server
                // itself enforces it on bind.
                throw new DisabledException(ACCOUNT_REFUSED);
            }
            String stored = ctx.getStringAttribute(nameAttribute);
            return people.mapUserFromContext(ctx, stored == null || stored.isBlank() ? username : stored, authorities);
        }

        @Override
        public void mapUserToContext(UserDetails user, DirContextAdapter ctx) {
            people.mapUserToContext(user, ctx);
        }
    }
}
