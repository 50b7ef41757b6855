package dev.corral.access.directory;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.ldap.core.ContextMapper;
import org.springframework.ldap.core.DirContextOperations;
import org.springframework.ldap.core.LdapOperations;
import org.springframework.ldap.query.LdapQueryBuilder;
import org.springframework.ldap.query.SearchScope;

/**
 * Active Directory accounts as sign-in, explain and API tokens find them. A name with an
 * {@code @} is a userPrincipalName, whatever its suffix; failing that, in the domain's own
 * suffix, the implicit {@code sAMAccountName@domain} (the order in which a domain controller
 * resolves a bind name). A name without one is a sAMAccountName.
 */
final class ActiveDirectoryAccounts {

    static final String USERS = "(&(objectClass=user)(!(objectClass=computer)))";
    /** What sign-in and the account checks read of an account. */
    static final String[] ATTRIBUTES = {"sAMAccountName", "userPrincipalName", "cn", "displayName", "givenName", "sn",
        "mail", "memberOf", "userAccountControl", "lockoutTime", "accountExpires", "msDS-User-Account-Control-Computed"};
    private static final int TIME_LIMIT_MS = 10_000;
    private static final long UF_LOCKOUT = 0x10;
    // accountExpires: 100 ns intervals since 1601; 0 and the largest value mean never.
    private static final long NT_EPOCH_OFFSET_SECONDS = 11_644_473_600L;

    private final LdapOperations ldap;
    private final String searchBase;
    private final String domain;

    /**
     * @param searchBase the root DN as the connection names it (empty where the connection's base
     *                   is the root DN itself)
     */
    ActiveDirectoryAccounts(LdapOperations ldap, String searchBase, String domain) {
        this.ldap = ldap;
        this.searchBase = searchBase;
        this.domain = domain.toLowerCase(Locale.ROOT);
    }

    /** The account a sign-in name names, if any. */
    Optional<DirContextOperations> find(String name) {
        int at = name.indexOf('@');
        if (at < 0) {
            return one("sAMAccountName", name);
        }
        Optional<DirContextOperations> byUpn = one("userPrincipalName", name);
        if (byUpn.isPresent() || !name.substring(at + 1).toLowerCase(Locale.ROOT).equals(domain)) {
            return byUpn;
        }
        return one("sAMAccountName", name.substring(0, at));
    }

    /** The account of exactly this sAMAccountName (a signed-in user's stored name), if any. */
    Optional<DirContextOperations> bySamAccountName(String account) {
        return one("sAMAccountName", account);
    }

    private Optional<DirContextOperations> one(String attribute, String value) {
        if (value.isEmpty()) {
            return Optional.empty();
        }
        List<DirContextOperations> found = ldap.search(LdapQueryBuilder.query().base(searchBase)
                        .searchScope(SearchScope.SUBTREE).countLimit(1).timeLimit(TIME_LIMIT_MS).attributes(ATTRIBUTES)
                        .filter("(&" + USERS + "(" + attribute + "={0}))", value),
                (ContextMapper<DirContextOperations>) match -> (DirContextOperations) match);
        return found.stream().findFirst();
    }

    /**
     * Whether the domain lets the account sign in now: not disabled, not locked out (the domain
     * controller's own computation where it offers one, which knows when a lock-out has run out),
     * not past its accountExpires.
     */
    static boolean maySignIn(DirContextOperations account, Instant now) {
        if (AccountLocks.disabled(account)) {
            return false;
        }
        String computed = account.getStringAttribute("msDS-User-Account-Control-Computed");
        if (computed != null) {
            if ((number(computed, UF_LOCKOUT) & UF_LOCKOUT) != 0) {
                return false;
            }
        } else if (AccountLocks.refusesSignIn(account)) {
            return false;
        }
        return !expired(account.getStringAttribute("accountExpires"), now);
    }

    static boolean expired(String accountExpires, Instant now) {
        if (accountExpires == null) {
            return false;
        }
        long expires = number(accountExpires, Long.MAX_VALUE);
        if (expires <= 0 || expires == Long.MAX_VALUE) {
            return false;
        }
        Instant at = Instant.ofEpochSecond(expires / 10_000_000 - NT_EPOCH_OFFSET_SECONDS, (expires % 10_000_000) * 100);
        return !at.isAfter(now);
    }

    private static long number(String text, long otherwise) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }
}
