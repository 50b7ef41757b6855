package dev.corral.access.directory;

import dev.corral.access.DirectoryProperties;
import dev.corral.access.directory.DirectoryPrincipal.Type;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.ldap.core.ContextMapper;
import org.springframework.ldap.core.ContextSource;
import org.springframework.ldap.core.DirContextOperations;
import org.springframework.ldap.core.LdapOperations;
import org.springframework.ldap.core.LdapTemplate;
import org.springframework.ldap.query.LdapQuery;
import org.springframework.ldap.query.LdapQueryBuilder;
import org.springframework.ldap.support.LdapEncoder;
import org.springframework.ldap.support.LdapUtils;
import org.springframework.stereotype.Service;

/**
 * Finds users and groups of the directory, for the assignment editor: by part of a name or
 * display name, and by exact name to check that an assignment's principal exists. The embedded
 * and external LDAP directories are read through Spring Boot's connection; Active Directory
 * through a service account of its own ({@code corral.directory.ad-service-account}).
 */
@Service
public class DirectorySearch {

    /** No search answers more than this many principals. */
    public static final int MAX_RESULTS = 50;
    private static final int TIME_LIMIT_MS = 10_000;
    private static final Comparator<DirectoryPrincipal> BY_NAME =
            Comparator.comparing(DirectoryPrincipal::name, String.CASE_INSENSITIVE_ORDER);

    private final LdapOperations ldap;
    private final PrincipalStore users;
    private final PrincipalStore groups;

    DirectorySearch(DirectoryProperties directory, ObjectProvider<ContextSource> contextSource) {
        if (directory.mode() == DirectoryProperties.Mode.ACTIVE_DIRECTORY) {
            this.ldap = directory.hasAdServiceAccount() ? activeDirectory(directory) : null;
            this.users = PrincipalStore.activeDirectoryUsers();
            this.groups = PrincipalStore.activeDirectoryGroups();
        } else {
            this.ldap = template(contextSource.getObject());
            this.users = PrincipalStore.ldapUsers(directory);
            this.groups = PrincipalStore.ldapGroups(directory);
        }
    }

    private static LdapOperations activeDirectory(DirectoryProperties directory) {
        return template(ActiveDirectorySignIn.contextSource(directory.adUrl(), directory.adRootDn(),
                directory.adServiceAccount(), directory.adServicePassword()));
    }

    // A template of our own, whatever spring.ldap.template.* says: a full page is an answer, not an error.
    private static LdapTemplate template(ContextSource contextSource) {
        LdapTemplate template = ActiveDirectoryGroups.template(contextSource);
        template.setIgnoreSizeLimitExceededException(true);
        return template;
    }

    /**
     * Groups, then users, whose name or display name contains {@code text} (case-insensitive), at
     * most {@code limit} of them (and never more than {@value #MAX_RESULTS}). Blank text finds nothing.
     */
    public List<DirectoryPrincipal> search(String text, int limit) {
        String needle = text == null ? "" : text.strip();
        int max = Math.min(limit, MAX_RESULTS);
        if (needle.isEmpty() || max < 1) {
            return List.of();
        }
        LdapOperations directory = connection();
        return Stream.concat(containing(directory, groups, needle, max), containing(directory, users, needle, max))
                .limit(max)
                .toList();
    }

    /** The user or group of exactly this name, if the directory has it. */
    public Optional<DirectoryPrincipal> find(Type type, String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        PrincipalStore store = type == Type.GROUP ? groups : users;
        LdapQuery query = LdapQueryBuilder.query().base(store.base()).countLimit(1).timeLimit(TIME_LIMIT_MS)
                .attributes(attributes(store))
                .filter("(&" + store.classFilter() + store.exactFilter() + ")", name);
        return connection().search(query, principal(store)).stream().filter(p -> p != null).findFirst();
    }

    /**
     * Active Directory: a user's groups that count (nested ones included, found as sign-in finds
     * them) and whether the domain lets the account sign in now, read with the service account.
     */
    java.util.Optional<dev.corral.access.PrincipalDirectory.Account> activeDirectoryAccountOf(String user, String rootDn,
            GroupBases bases, java.time.Instant now) {
        // The service account's connection has the root DN as its base (see activeDirectory).
        return new ActiveDirectoryAccounts(connection(), "", "").bySamAccountName(user).map(entry -> {
            String[] memberOf = entry.getStringAttributes("memberOf");
            java.util.Set<String> groups = new ActiveDirectoryGroups(connection(), LdapUtils.newLdapName(rootDn), rootDn, bases)
                    .namesOf(entry.getNameInNamespace(), memberOf == null ? List.of() : List.of(memberOf));
            return new dev.corral.access.PrincipalDirectory.Account(groups, ActiveDirectoryAccounts.maySignIn(entry, now));
        });
    }

    private Stream<DirectoryPrincipal> containing(LdapOperations directory, PrincipalStore store, String text, int max) {
        String value = "=*" + LdapEncoder.filterEncode(text) + "*)";
        String anyName = Stream.of(store.nameAttribute(), "cn", "displayName").distinct()
                .map(attribute -> "(" + attribute + value)
                .collect(Collectors.joining("", "(|", ")"));
        LdapQuery query = LdapQueryBuilder.query().base(store.base()).countLimit(max).timeLimit(TIME_LIMIT_MS)
                .attributes(attributes(store))
                .filter("(&" + store.classFilter() + anyName + ")");
        return directory.search(query, principal(store)).stream().filter(p -> p != null).sorted(BY_NAME);
    }

    private static String[] attributes(PrincipalStore store) {
        return Stream.of(store.nameAttribute(), "cn", "displayName").distinct().toArray(String[]::new);
    }

    private static ContextMapper<DirectoryPrincipal> principal(PrincipalStore store) {
        return found -> {
            DirContextOperations entry = (DirContextOperations) found;
            String name = entry.getStringAttribute(store.nameAttribute());
            if (name == null || name.isBlank()) {
                return null;
            }
            String displayName = entry.getStringAttribute("displayName");
            if (displayName == null || displayName.isBlank()) {
                displayName = entry.getStringAttribute("cn");
            }
            return new DirectoryPrincipal(store.type(), name, displayName == null ? name : displayName,
                    entry.getNameInNamespace());
        };
    }

    private LdapOperations connection() {
        if (ldap == null) {
            throw new DirectorySearchNotConfiguredException("Searching Active Directory needs a service account: "
                    + "set corral.directory.ad-service-account and corral.directory.ad-service-password");
        }
        return ldap;
    }
}
