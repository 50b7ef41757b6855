package dev.corral.access;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which directory signs users in, and where its users and groups live. The connection itself
 * (URLs, manager DN, the embedded directory's LDIF) is Spring Boot's {@code spring.ldap.*}.
 *
 * @param mode              embedded, ldap or active-directory
 * @param userSearchBase    below {@code spring.ldap.base}, where users are searched
 * @param userSearchFilter  how a user is found by sign-in name ({0}, escaped)
 * @param groupSearchBase   below {@code spring.ldap.base}, where groups are searched
 * @param groupSearchFilter how a group names a member ({0} is the member's DN, escaped); nested
 *                          groups are followed
 * @param adDomain          Active Directory: the domain users sign in to (user@domain)
 * @param adUrl             Active Directory: a domain controller's URL
 * @param adRootDn          Active Directory: the search root
 * @param demoHint          whether the sign-in page lists the demo users
 */
@ConfigurationProperties("corral.directory")
public record DirectoryProperties(
        Mode mode,
        String userSearchBase,
        String userSearchFilter,
        String groupSearchBase,
        String groupSearchFilter,
        String adDomain,
        String adUrl,
        String adRootDn,
        boolean demoHint) {

    public enum Mode { EMBEDDED, LDAP, ACTIVE_DIRECTORY }

    public DirectoryProperties {
        mode = mode == null ? Mode.EMBEDDED : mode;
        userSearchBase = userSearchBase == null ? "" : userSearchBase;
        userSearchFilter = userSearchFilter == null ? "(uid={0})" : userSearchFilter;
        groupSearchBase = groupSearchBase == null ? "" : groupSearchBase;
        groupSearchFilter = groupSearchFilter == null ? "(member={0})" : groupSearchFilter;
    }
}
