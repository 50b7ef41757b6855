package dev.corral.base;

import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.ldap.userdetails.InetOrgPerson;

/**
 * Who is signed in, as the console and the API show it: the directory user name, a name for
 * people, and the directory groups (nested groups resolved).
 */
public record SignedInUser(String name, String displayName, List<String> groups) {

    /** Directory groups travel as authorities with this prefix, apart from Spring's own. */
    public static final String GROUP_PREFIX = "GROUP_";

    public static SignedInUser from(Authentication authentication) {
        List<String> groups = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a != null && a.startsWith(GROUP_PREFIX))
                .map(a -> a.substring(GROUP_PREFIX.length()))
                .sorted(String.CASE_INSENSITIVE_ORDER)
                .toList();
        String name = authentication.getName();
        return new SignedInUser(name, displayNameOf(authentication.getPrincipal(), name), groups);
    }

    private static String displayNameOf(Object principal, String fallback) {
        if (principal instanceof InetOrgPerson person) {
            if (hasText(person.getDisplayName())) {
                return person.getDisplayName();
            }
            if (person.getCn() != null && person.getCn().length > 0 && hasText(person.getCn()[0])) {
                return person.getCn()[0];
            }
        }
        return fallback;
    }

    private static boolean hasText(String s) {
        return s != null && !s.isBlank();
    }
}
