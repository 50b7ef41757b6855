package dev.corral.access.directory;

import dev.corral.access.DirectoryAccounts;
import dev.corral.access.DirectoryProperties;
import dev.corral.base.ServiceUnavailableException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.ldap.core.ContextMapper;
import org.springframework.ldap.core.ContextSource;
import org.springframework.ldap.core.DirContextOperations;
import org.springframework.ldap.core.LdapOperations;
import org.springframework.ldap.core.LdapTemplate;
import org.springframework.ldap.query.LdapQuery;
import org.springframework.ldap.query.LdapQueryBuilder;
import org.springframework.ldap.support.LdapEncoder;
import org.springframework.stereotype.Service;

/**
 * Reads whether users exist and may sign in, many at a time (one search per {@value #BATCH} names).
 * An account counts as disabled when Active Directory's userAccountControl carries ACCOUNTDISABLE
 * (2), or an LDAP server locks it: 389 DS and Red Hat IdM's {@code nsAccountLock: true}, OpenLDAP's
 * password policy {@code pwdAccountLockedTime}.
 */
@Service
class DirectoryAccountStatus implements DirectoryAccounts {

    static final int BATCH = 50;
    private static final int TIME_LIMIT_MS = 10_000;

    private final DirectoryProperties directory;
    private final ObjectProvider<ContextSource> contextSource;
    private volatile LdapOperations ldap;

    DirectoryAccountStatus(DirectoryProperties directory, ObjectProvider<ContextSource> contextSource) {
        this.directory = directory;
        this.contextSource = contextSource;
    }

    @Override
    public Map<String, Status> statusOf(Collection<String> users) {
        Set<String> names = new TreeSet<>();
        users.stream().filter(u -> u != null && !u.isBlank()).forEach(u -> names.add(u.strip().toLowerCase(Locale.ROOT)));
        Map<String, Status> found = new HashMap<>();
        names.forEach(n -> found.put(n, Status.MISSING));
        List<String> batch = new ArrayList<>();
        try {
            for (String name : names) {
                batch.add(name);
                if (batch.size() == BATCH) {
                    read(batch, found);
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                read(batch, found);
            }
        } catch (org.springframework.ldap.NamingException e) {
            throw new ServiceUnavailableException("The directory cannot be reached to check the VMs' owners: "
                    + e.getMessage(), e);
        }
        return found;
    }

    private void read(List<String> names, Map<String, Status> found) {
        boolean ad = directory.mode() == DirectoryProperties.Mode.ACTIVE_DIRECTORY;
        PrincipalStore store = ad ? PrincipalStore.activeDirectoryUsers() : PrincipalStore.ldapUsers(directory);
        StringBuilder any = new StringBuilder("(|");
        names.forEach(n -> any.append('(').append(store.nameAttribute()).append('=').append(LdapEncoder.filterEncode(n))
                .append(')'));
        any.append(')');
        LdapQuery query = LdapQueryBuilder.query().base(store.base()).countLimit(names.size() * 2).timeLimit(TIME_LIMIT_MS)
                .attributes(store.nameAttribute(), "userAccountControl", "nsAccountLock", "pwdAccountLockedTime")
                .filter("(&" + store.classFilter() + any + ")");
        ContextMapper<Map.Entry<String, Status>> mapper = match -> {
            DirContextOperations entry = (DirContextOperations) match;
            String name = entry.getStringAttribute(store.nameAttribute());
            return name == null ? null : Map.entry(name.toLowerCase(Locale.ROOT), AccountLocks.disabled(entry) ? Status.DISABLED : Status.ACTIVE);
        };
        connection().search(query, mapper).stream().filter(e -> e != null && found.containsKey(e.getKey()))
                .forEach(e -> found.put(e.getKey(), e.getValue()));
    }

    private LdapOperations connection() {
        LdapOperations current = ldap;
        if (current != null) {
            return current;
        }
        if (directory.mode() == DirectoryProperties.Mode.ACTIVE_DIRECTORY) {
            if (!directory.hasAdServiceAccount()) {
                throw new ServiceUnavailableException("Checking the VMs' owners in Active Directory needs a service "
                        + "account: set corral.directory.ad-service-account and corral.directory.ad-service-password.", null);
            }
            current = ActiveDirectoryGroups.template(ActiveDirectorySignIn.contextSource(directory.adUrl(),
                    directory.adRootDn(), directory.adServiceAccount(), directory.adServicePassword()));
        } else {
            LdapTemplate template = new LdapTemplate(contextSource.getObject());
            template.setIgnoreSizeLimitExceededException(true);
            current = template;
        }
        ldap = current;
        return current;
    }
}
