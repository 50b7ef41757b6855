package dev.corral.access;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.Delimiter;

/**
 * Which directory signs users in, and where its users and groups live. The connection itself
 * (URLs, manager DN, the embedded directory's LDIF) is Spring Boot's {@code spring.ldap.*}, except
 * for Active Directory, which has its own settings here.
 *
 * @param mode              embedded, ldap or active-directory
 * @param userSearchBase    below {@code spring.ldap.base}, where users are searched
 * @param userSearchFilter  how a user is found by sign-in name ({0}, escaped)
 * @param userNameAttribute the attribute holding a user's sign-in name (for the directory search)
 * @param groupSearchBase   below {@code spring.ldap.base}, where groups are searched
 * @param groupSearchFilter how a group names a member ({0} is the member's DN, escaped); nested
 *                          groups are followed
 * @param groupBases        the DNs under which groups count for access, each by the name in its own
 *                          DN (Active Directory: security groups only); unset on the embedded and
 *                          LDAP directories, the group search base. One DN per entry: a DN's commas
 *                          do not separate entries
 * @param adDomain          Active Directory: the domain users sign in to (user@domain)
 * @param adUrl             Active Directory: a domain controller's URL
 * @param adRootDn          Active Directory: the search root (derived from the domain if unset)
 * @param adServiceAccount  Active Directory: a read-only account (user@domain or DN) the directory
 *                          search binds as; sign-in does not need it
 * @param adServicePassword Active Directory: that account's password
 * @param demoHint          whether the sign-in page lists the demo users
 */
@ConfigurationProperties("corral.directory")
public record DirectoryProperties(
        Mode mode,
        String userSearchBase,
        String userSearchFilter,
        String userNameAttribute,
        String groupSearchBase,
        String groupSearchFilter,
        @Delimiter(Delimiter.NONE) List<String> groupBases,
        String adDomain,
        String adUrl,
        String adRootDn,
        String adServiceAccount,
        String adServicePassword,
        boolean demoHint) {

    public enum Mode { EMBEDDED, LDAP, ACTIVE_DIRECTORY }

    public DirectoryProperties {
        mode = mode == null ? Mode.EMBEDDED : mode;
        userSearchBase = userSearchBase == null ? "" : userSearchBase;
        userSearchFilter = userSearchFilter == null ? "(uid={0})" : userSearchFilter;
        userNameAttribute = isBlank(userNameAttribute) ? "uid" : userNameAttribute;
        groupSearchBase = groupSearchBase == null ? "" : groupSearchBase;
        groupSearchFilter = groupSearchFilter == null ? "(member={0})" : groupSearchFilter;
        groupBases = groupBases == null ? List.of()
                : groupBases.stream().filter(base -> !isBlank(base)).map(String::strip).toList();
        adRootDn = isBlank(adRootDn) ? rootDnOf(adDomain) : adRootDn;
    }

    /** Whether Active Directory's service account is configured (the directory search needs it). */
    public boolean hasAdServiceAccount() {
        return !isBlank(adServiceAccount) && adServicePassword != null && !adServicePassword.isEmpty();
    }

    // A record prints every component; the service password must never reach a log.
    @Override
    public String toString() {
        return "DirectoryProperties[mode=" + mode + ", userSearchBase=" + userSearchBase
                + ", groupSearchBase=" + groupSearchBase + ", groupBases=" + groupBases + ", adDomain=" + adDomain + ", adUrl=" + adUrl
                + ", adRootDn=" + adRootDn + ", adServiceAccount=" + adServiceAccount
                + ", adServicePassword=" + (adServicePassword == null ? "(none)" : "(hidden)") + "]";
    }

    private static String rootDnOf(String domain) {
        if (isBlank(domain)) {
            return null;
        }
        return "dc=" + String.join(",dc=", domain.strip().split("\\."));
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
