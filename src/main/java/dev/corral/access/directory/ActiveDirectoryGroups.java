package dev.corral.access.directory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.directory.Attributes;
import javax.naming.ldap.LdapName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ldap.CommunicationException;
import org.springframework.ldap.NameNotFoundException;
import org.springframework.ldap.core.ContextMapper;
import org.springframework.ldap.core.ContextSource;
import org.springframework.ldap.core.DirContextOperations;
import org.springframework.ldap.core.LdapOperations;
import org.springframework.ldap.core.LdapTemplate;
import org.springframework.ldap.query.LdapQueryBuilder;
import org.springframework.ldap.query.SearchScope;
import org.springframework.ldap.support.LdapUtils;

/**
 * The Active Directory groups a user belongs to, directly or through nesting. One search with
 * the in-chain matching rule does it on a domain controller; where the server does not know that
 * rule (it refuses the filter, or finds nothing although the user has direct groups), the groups'
 * own {@code memberOf} is followed instead, at most {@value #MAX_DEPTH} levels, each group once.
 * Of those, only security groups under the {@link GroupBases} count: a distribution list, or a
 * group made elsewhere in the domain, confers nothing (nesting is still followed through them).
 */
final class ActiveDirectoryGroups {

    static final String IN_CHAIN_RULE = "1.2.840.113556.1.4.1941";
    static final int MAX_DEPTH = 10;
    private static final Logger log = LoggerFactory.getLogger(ActiveDirectoryGroups.class);

    private final LdapOperations ldap;
    private final LdapName connectionBase;
    private final String rootDn;
    private final GroupBases bases;

    /** @param connectionBase the base of {@code ldap}'s connection: names sent to it are relative to it */
    ActiveDirectoryGroups(LdapOperations ldap, LdapName connectionBase, String rootDn, GroupBases bases) {
        this.ldap = ldap;
        this.connectionBase = connectionBase;
        this.rootDn = rootDn;
        this.bases = bases;
    }

    /** A template as Active Directory needs it: its referrals to other partitions are not errors. */
    static LdapTemplate template(ContextSource connection) {
        LdapTemplate template = new LdapTemplate(connection);
        template.setIgnorePartialResultException(true);
        return template;
    }

    /** The names of the user's groups that count. */
    Set<String> namesOf(String userDn, Collection<String> directGroupDns) {
        List<Group> inChain = inChain(userDn);
        if (inChain != null && (!inChain.isEmpty() || directGroupDns.isEmpty())) {
            return countingNames(inChain);
        }
        return followMemberOf(directGroupDns);
    }

    private Set<String> countingNames(Collection<Group> groups) {
        Set<String> names = new LinkedHashSet<>();
        groups.forEach(group -> group.countsAs().ifPresent(names::add));
        return names;
    }

    /** The in-chain search's answer, or null where the server does not support the rule. */
    private List<Group> inChain(String userDn) {
        try {
            return ldap.search(LdapQueryBuilder.query()
                            .base(relative(LdapUtils.newLdapName(rootDn)))
                            .searchScope(SearchScope.SUBTREE)
                            .attributes("cn", "groupType")
                            .filter("(&(objectClass=group)(member:" + IN_CHAIN_RULE + ":={0}))", userDn),
                    (ContextMapper<Group>) found -> {
                        DirContextOperations entry = (DirContextOperations) found;
                        return group(entry.getNameInNamespace(), entry.getStringAttribute("groupType"), List.of());
                    });
        } catch (CommunicationException e) {
            throw e;
        } catch (org.springframework.ldap.NamingException e) {
            log.debug("The directory refused the in-chain group search ({}); following memberOf instead",
                    e.getClass().getSimpleName());
            return null;
        }
    }

    private Set<String> followMemberOf(Collection<String> directGroupDns) {
        List<Group> groups = new ArrayList<>();
        Set<LdapName> seen = new HashSet<>();
        Deque<Level> pending = new ArrayDeque<>();
        directGroupDns.forEach(dn -> pending.add(new Level(LdapUtils.newLdapName(dn), 1)));
        while (!pending.isEmpty()) {
            Level next = pending.removeFirst();
            if (!seen.add(next.group())) {
                continue;
            }
            Group group = read(next.group());
            groups.add(group);
            if (next.depth() < MAX_DEPTH) {
                group.memberOf().forEach(parent -> pending.add(new Level(LdapUtils.newLdapName(parent), next.depth() + 1)));
            }
        }
        return countingNames(groups);
    }

    private Group read(LdapName dn) {
        try {
            return ldap.lookup(relative(dn), new String[] {"groupType", "memberOf"}, (Attributes attributes) ->
                    group(dn.toString(), text(attributes.get("groupType")), texts(attributes.get("memberOf"))));
        } catch (NameNotFoundException e) {
            // A group the user may not read (or in another domain): its type and parents are unknown, so it counts not.
            return new Group(Optional.empty(), List.of());
        }
    }

    private Group group(String dn, String groupType, List<String> memberOf) {
        return new Group(GroupBases.isSecurityGroup(groupType) ? bases.nameOf(dn) : Optional.empty(), memberOf);
    }

    /** A DN as the connection takes it: below its base. */
    private LdapName relative(LdapName dn) {
        if (!connectionBase.isEmpty() && dn.startsWith(connectionBase)) {
            return (LdapName) dn.getSuffix(connectionBase.size());
        }
        return dn;
    }

    private static String text(Attribute attribute) throws NamingException {
        return attribute == null || attribute.size() == 0 ? null : String.valueOf(attribute.get());
    }

    private static List<String> texts(Attribute attribute) throws NamingException {
        if (attribute == null) {
            return List.of();
        }
        List<String> values = new ArrayList<>();
        for (int i = 0; i < attribute.size(); i++) {
            values.add(String.valueOf(attribute.get(i)));
        }
        return values;
    }

    private record Level(LdapName group, int depth) {
    }

    /** A group as read: the name it counts by (none when it does not count), and its parents. */
    private record Group(Optional<String> countsAs, List<String> memberOf) {
    }
}
