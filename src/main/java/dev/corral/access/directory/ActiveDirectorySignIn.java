package dev.corral.access.directory;

import dev.corral.access.DirectoryProperties;
import dev.corral.base.SignedInUser;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.naming.directory.Attributes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ldap.core.DirContextAdapter;
import org.springframework.ldap.core.DirContextOperations;
import org.springframework.ldap.core.support.LdapContextSource;
import org.springframework.ldap.core.support.SingleContextSource;
import org.springframework.ldap.support.LdapUtils;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.ldap.authentication.ad.ActiveDirectoryLdapAuthenticationProvider;
import org.springframework.security.ldap.userdetails.InetOrgPersonContextMapper;
import org.springframework.security.ldap.userdetails.UserDetailsContextMapper;

/**
 * Active Directory sign-in as {@code user} or {@code user@domain} (only the configured domain),
 * through Spring Security's {@link ActiveDirectoryLdapAuthenticationProvider}. The user's groups,
 * nested ones included, are read over the user's own bind; the security groups under the group
 * bases become {@code GROUP_<cn>} authorities; the signed-in name is the account's {@code sAMAccountName} whichever form was typed.
 */
public final class ActiveDirectorySignIn implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger(ActiveDirectorySignIn.class);
    static final Map<String, Object> TIMEOUTS = Map.of(
            "com.sun.jndi.ldap.connect.timeout", "5000",
            "com.sun.jndi.ldap.read.timeout", "15000");

    private final String domain;
    private final String url;
    private final String rootDn;
    private final GroupBases groupBases;
    private final LdapContextSource userBinds;
    private final UserDetailsContextMapper people = new AccountNameMapper();

    public ActiveDirectorySignIn(DirectoryProperties directory) {
        if (directory.adDomain() == null || directory.adDomain().isBlank()
                || directory.adUrl() == null || directory.adUrl().isBlank()) {
            throw new IllegalStateException(
                    "Active Directory mode needs corral.directory.ad-domain and corral.directory.ad-url");
        }
        this.domain = directory.adDomain().strip().toLowerCase(Locale.ROOT);
        this.url = directory.adUrl().strip();
        this.rootDn = directory.adRootDn();
        this.groupBases = GroupBases.of(directory, new javax.naming.ldap.LdapName(List.of()));
        this.userBinds = contextSource(url, "", null, null);
    }

    static LdapContextSource contextSource(String url, String base, String user, String password) {
        LdapContextSource source = new LdapContextSource();
        source.setUrl(url);
        source.setBase(base);
        if (user != null) {
            source.setUserDn(user);
            source.setPassword(password);
        }
        source.setBaseEnvironmentProperties(TIMEOUTS);
        source.afterPropertiesSet();
        return source;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String bindPrincipal = bindPrincipal(authentication.getName());
        String password = authentication.getCredentials() instanceof String p ? p : null;
        if (password == null || password.isEmpty()) {
            throw new BadCredentialsException("Empty password");
        }
        return providerFor(bindPrincipal, password).authenticate(authentication);
    }

    /** {@code user} becomes {@code user@domain}; a name in another domain is refused, not mapped. */
    String bindPrincipal(String name) {
        if (name == null || name.isBlank()) {
            throw new BadCredentialsException("Empty user name");
        }
        int at = name.indexOf('@');
        if (at < 0) {
            return name + "@" + domain;
        }
        if (at == 0 || at != name.lastIndexOf('@') || !name.substring(at + 1).toLowerCase(Locale.ROOT).equals(domain)) {
            log.info("Sign-in refused: the user name is not in the domain {}", domain);
            throw new BadCredentialsException("User name not in domain " + domain);
        }
        return name;
    }

    // The provider hands its populator neither the password nor its connection, and the group
    // search needs a bind: a provider per sign-in carries the user's credentials to it.
    private ActiveDirectoryLdapAuthenticationProvider providerFor(String bindPrincipal, String password) {
        ActiveDirectoryLdapAuthenticationProvider provider =
                new ActiveDirectoryLdapAuthenticationProvider(domain, url, rootDn);
        provider.setConvertSubErrorCodesToExceptions(true);
        provider.setContextEnvironmentProperties(TIMEOUTS);
        provider.setUserDetailsContextMapper(people);
        provider.setAuthoritiesPopulator((user, name) -> groupsOf(user, bindPrincipal, password));
        return provider;
    }

    private List<GrantedAuthority> groupsOf(DirContextOperations user, String bindPrincipal, String password) {
        SingleContextSource connection;
        try {
            connection = new SingleContextSource(userBinds.getContext(bindPrincipal, password));
        } catch (org.springframework.ldap.NamingException e) {
            throw new InternalAuthenticationServiceException("Could not bind again to read the user's groups", e);
        }
        try {
            // The connection's base is empty (userBinds): names go to it whole.
            ActiveDirectoryGroups groups = new ActiveDirectoryGroups(ActiveDirectoryGroups.template(connection),
                    new javax.naming.ldap.LdapName(List.of()), rootDn, groupBases);
            return groups.namesOf(user.getNameInNamespace(), directGroups(user)).stream()
                    .<GrantedAuthority>map(cn -> new SimpleGrantedAuthority(SignedInUser.GROUP_PREFIX + cn))
                    .toList();
        } catch (org.springframework.ldap.NamingException e) {
            throw new InternalAuthenticationServiceException("Could not read the user's groups", e);
        } finally {
            connection.destroy();
        }
    }

    private static List<String> directGroups(DirContextOperations user) {
        String[] memberOf = user.getStringAttributes("memberOf");
        return memberOf == null ? List.of() : List.of(memberOf);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /** People as elsewhere in Corral, named by their account name rather than what they typed. */
    private static final class AccountNameMapper implements UserDetailsContextMapper {

        private final InetOrgPersonContextMapper people = new InetOrgPersonContextMapper();

        @Override
        public UserDetails mapUserFromContext(DirContextOperations ctx, String username,
                Collection<? extends GrantedAuthority> authorities) {
            String account = ctx.getStringAttribute("sAMAccountName");
            String name = account == null || account.isBlank() ? username : account;
            return people.mapUserFromContext(withUid(ctx, name), name, authorities);
        }

        // InetOrgPerson insists on a uid, which Active Directory accounts lack: the account name is theirs.
        private static DirContextOperations withUid(DirContextOperations ctx, String name) {
            if (ctx.getStringAttribute("uid") != null) {
                return ctx;
            }
            Attributes attributes = (Attributes) ctx.getAttributes().clone();
            attributes.put("uid", name);
            return new DirContextAdapter(attributes, LdapUtils.newLdapName(ctx.getNameInNamespace()));
        }

        @Override
        public void mapUserToContext(UserDetails user, DirContextAdapter ctx) {
            people.mapUserToContext(user, ctx);
        }
    }
}
