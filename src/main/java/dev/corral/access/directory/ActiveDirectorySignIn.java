package dev.corral.access.directory;

import dev.corral.access.DirectoryProperties;
import dev.corral.base.SignedInUser;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.naming.directory.Attributes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ldap.core.DirContextAdapter;
import org.springframework.ldap.core.DirContextOperations;
import org.springframework.ldap.core.LdapTemplate;
import org.springframework.ldap.core.support.LdapContextSource;
import org.springframework.ldap.core.support.SingleContextSource;
import org.springframework.ldap.support.LdapUtils;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.ldap.userdetails.InetOrgPersonContextMapper;
import org.springframework.security.ldap.userdetails.UserDetailsContextMapper;

/**
 * Active Directory sign-in, account first: the account is found by its sAMAccountName, or by its
 * userPrincipalName when the name has an {@code @} (any UPN suffix the domain has, or the implicit
 * {@code sAMAccountName@domain}), then bound as what was found. With a service account it is found
 * before the bind and bound by its DN; without one, the user binds as typed and the account is then
 * read over that bind. The signed-in name is the account's stored {@code sAMAccountName} however
 * it was typed. The user's groups, nested ones included, are read over the user's own bind; the
 * security groups under the group bases become {@code GROUP_<cn>} authorities. A refusal that is
 * not a wrong password (the account disabled, locked out, expired, its password expired) is a
 * {@link DisabledException} saying which, so that it is not counted as a guess.
 */
public final class ActiveDirectorySignIn implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger(ActiveDirectorySignIn.class);
    static final Map<String, Object> TIMEOUTS = Map.of(
            "com.sun.jndi.ldap.connect.timeout", "5000",
            "com.sun.jndi.ldap.read.timeout", "15000");
    private static final String WRONG = "Wrong user name or password.";
    private static final Pattern SUB_CODE = Pattern.compile("data ([0-9a-fA-F]+)");

    private final String domain;
    private final String rootDn;
    private final GroupBases groupBases;
    private final LdapContextSource userBinds;
    private final LdapTemplate serviceAccount;
    private final UserDetailsContextMapper people = new AccountNameMapper();

    public ActiveDirectorySignIn(DirectoryProperties directory) {
        if (directory.adDomain() == null || directory.adDomain().isBlank()
                || directory.adUrl() == null || directory.adUrl().isBlank()) {
            throw new IllegalStateException(
                    "Active Directory mode needs corral.directory.ad-domain and corral.directory.ad-url");
        }
        this.domain = directory.adDomain().strip().toLowerCase(Locale.ROOT);
        String url = directory.adUrl().strip();
        this.rootDn = directory.adRootDn();
        this.groupBases = GroupBases.of(directory, new javax.naming.ldap.LdapName(List.of()));
        this.userBinds = contextSource(url, "", null, null);
        this.serviceAccount = directory.hasAdServiceAccount() ? ActiveDirectoryGroups.template(contextSource(url, "",
                directory.adServiceAccount(), directory.adServicePassword())) : null;
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
        String name = signInName(authentication.getName());
        String password = authentication.getCredentials() instanceof String p ? p : null;
        if (password == null || password.isEmpty()) {
            throw new BadCredentialsException("Empty password");
        }
        DirContextOperations account;
        SingleContextSource connection;
        try {
            if (serviceAccount != null) {
                account = accounts(serviceAccount).find(name).orElseThrow(() -> new BadCredentialsException(WRONG));
                connection = bind(account.getNameInNamespace(), password);
            } else {
                connection = bind(name.indexOf('@') < 0 ? name + "@" + domain : name, password);
                try {
                    account = ownAccount(connection, name);
                } catch (RuntimeException e) {
                    connection.destroy();
                    throw e;
                }
            }
        } catch (org.springframework.ldap.NamingException e) {
            throw new InternalAuthenticationServiceException("Could not find the account in the directory", e);
        }
        try {
            List<GrantedAuthority> groups = groupsOf(account, connection);
            UserDetails user = people.mapUserFromContext(account, name, groups);
            UsernamePasswordAuthenticationToken result =
                    UsernamePasswordAuthenticationToken.authenticated(user, password, user.getAuthorities());
            result.setDetails(authentication.getDetails());
            return result;
        } finally {
            connection.destroy();
        }
    }

    /** A name as typed, checked for shape only; which account it names is the directory's answer. */
    static String signInName(String name) {
        if (name == null || name.isBlank()) {
            throw new BadCredentialsException("Empty user name");
        }
        int at = name.indexOf('@');
        if (at == 0 || at == name.length() - 1 || (at > 0 && at != name.lastIndexOf('@'))) {
            log.info("Sign-in refused: the user name is neither an account name nor a user principal name");
            throw new BadCredentialsException(WRONG);
        }
        return name;
    }

    private ActiveDirectoryAccounts accounts(LdapTemplate connection) {
        return new ActiveDirectoryAccounts(connection, rootDn, domain);
    }

    // Without a service account the user bound as typed; the account read over that bind must be
    // the one the domain controller bound (it resolves the name in the same order).
    private DirContextOperations ownAccount(SingleContextSource connection, String name) {
        DirContextOperations account = accounts(ActiveDirectoryGroups.template(connection))
                .find(name.indexOf('@') < 0 ? name + "@" + domain : name)
                .orElseThrow(() -> new BadCredentialsException(WRONG));
        String stored = account.getStringAttribute("sAMAccountName");
        if (name.indexOf('@') < 0 && (stored == null || !stored.equalsIgnoreCase(name))) {
            // name@domain is another account's explicit UPN: the typed account name was not what bound.
            throw new BadCredentialsException(WRONG);
        }
        return account;
    }

    /** The user's own bind, or the directory's reason why not. */
    private SingleContextSource bind(String principal, String password) {
        try {
            return new SingleContextSource(userBinds.getContext(principal, password));
        } catch (org.springframework.ldap.AuthenticationException e) {
            throw refusal(e.getMessage());
        }
    }

    /**
     * Active Directory says why it refused a bind in the "data" sub-code of error 49: only 52e
     * (and 525, no such user) is a wrong name or password; the others answer a right password for
     * an account that may not sign in, or (775) any password for a locked-out account.
     */
    static AuthenticationException refusal(String message) {
        Matcher code = SUB_CODE.matcher(message == null ? "" : message);
        String subCode = code.find() ? code.group(1).toLowerCase(Locale.ROOT) : "";
        return switch (subCode) {
            case "533" -> new DisabledException("This account is disabled in the directory.");
            case "775" -> new DisabledException("This account is locked out in the directory after wrong passwords; it "
                    + "unlocks by itself after the domain's lock-out time, or when a directory administrator unlocks it.");
            case "701" -> new DisabledException("This account has expired in the directory.");
            case "532" -> new DisabledException("This account's password has expired; change it, then sign in again.");
            case "773" -> new DisabledException("This account must change its password before it signs in; change it, "
                    + "then sign in again.");
            case "530" -> new DisabledException("The directory does not let this account sign in at this time of day.");
            case "531" -> new DisabledException("The directory does not let this account sign in from this server.");
            default -> new BadCredentialsException(WRONG);
        };
    }

    private List<GrantedAuthority> groupsOf(DirContextOperations user, SingleContextSource connection) {
        try {
            // The connection's base is empty (userBinds): names go to it whole.
            ActiveDirectoryGroups groups = new ActiveDirectoryGroups(ActiveDirectoryGroups.template(connection),
                    new javax.naming.ldap.LdapName(List.of()), rootDn, groupBases);
            return groups.namesOf(user.getNameInNamespace(), directGroups(user)).stream()
                    .<GrantedAuthority>map(cn -> new SimpleGrantedAuthority(SignedInUser.GROUP_PREFIX + cn))
                    .toList();
        } catch (org.springframework.ldap.NamingException e) {
            throw new InternalAuthenticationServiceException("Could not read the user's groups", e);
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
