package dev.corral.access.directory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.directory.Attributes;
import javax.naming.ldap.LdapName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ldap.CommunicationException;
import org.springframework.ldap.NameNotFoundException;
import org.springframework.ldap.core.ContextSource;
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
 */
final class ActiveDirectoryGroups {

    static final String IN_CHAIN_RULE = "1.2.840.113556.1.4.1941";
    static final int MAX_DEPTH = 10;
    private static final Logger log = LoggerFactory.getLogger(ActiveDirectoryGroups.class);

    private final LdapOperations ldap;
    private final String rootDn;

    ActiveDirectoryGroups(LdapOperations ldap, String rootDn) {
        this.ldap = ldap;
        this.rootDn = rootDn;
    }

    /** A template as Active Directory needs it: its referrals to other partitions are not errors. */
    static LdapTemplate template(ContextSource connection) {
        LdapTemplate template = new LdapTemplate(connection);
        template.setIgnorePartialResultException(true);
        return template;
    }

    /** The common names of the user's groups. */
    Set<String> namesOf(String userDn, Collection<String> directGroupDns) {
        List<String> inChain = inChain(userDn);
        if (inChain != null && (!inChain.isEmpty() || directGroupDns.isEmpty())) {
            return new LinkedHashSet<>(inChain);
        }
        return followMemberOf(directGroupDns);
    }

    /** The in-chain search's answer, or null where the server does not support the rule. */
    private List<String> inChain(String userDn) {
        try {
            return ldap.search(LdapQueryBuilder.query()
                            .base(rootDn)
                            .searchScope(SearchScope.SUBTREE)
                            .attributes("cn")
                            .filter("(&(objectClass=group)(member:" + IN_CHAIN_RULE + ":={0}))", userDn),
                    (Attributes attributes) -> text(attributes.get("cn")))
                    .stream().filter(cn -> cn != null).toList();
        } catch (CommunicationException e) {
            throw e;
        } catch (org.springframework.ldap.NamingException e) {
            log.debug("The directory refused the in-chain group search ({}); following memberOf instead",
                    e.getClass().getSimpleName());
            return null;
        }
    }

    private Set<String> followMemberOf(Collection<String> directGroupDns) {
        Set<String> names = new LinkedHashSet<>();
        Set<LdapName> seen = new HashSet<>();
        Deque<Level> pending = new ArrayDeque<>();
        directGroupDns.forEach(dn -> pending.add(new Level(LdapUtils.newLdapName(dn), 1)));
        while (!pending.isEmpty()) {
            Level next = pending.removeFirst();
            if (!seen.add(next.group())) {
                continue;
            }
            Group group = read(next.group());
            names.add(group.cn());
            if (next.depth() < MAX_DEPTH) {
                group.memberOf().forEach(parent -> pending.add(new Level(LdapUtils.newLdapName(parent), next.depth() + 1)));
            }
        }
        return names;
    }

    private Group read(LdapName dn) {
        try {
            return ldap.lookup(dn, new String[] {"cn", "memberOf"}, (Attributes attributes) ->
                    new Group(cnOf(dn, text(attributes.get("cn"))), texts(attributes.get("memberOf"))));
        } catch (NameNotFoundException e) {
            // A group the user may not read (or in another domain) still counts; its parents are unknown.
            return new Group(cnOf(dn, null), List.of());
        }
    }

    private static String cnOf(LdapName dn, String cn) {
        if (cn != null) {
            return cn;
        }
        return String.valueOf(dn.getRdn(dn.size() - 1).getValue());
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

    private record Group(String cn, List<String> memberOf) {
    }
}
