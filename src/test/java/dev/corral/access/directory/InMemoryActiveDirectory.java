package dev.corral.access.directory;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSimpleBindRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.SimpleBindRequest;
import com.unboundid.ldif.LDIFException;
import java.net.InetAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-memory LDAP server that answers like Active Directory as far as Corral asks (for what the
 * Samba domain of the other AD tests cannot do: refuse the in-chain rule, or answer it with nothing): binds as
 * {@code user@domain}, {@code sAMAccountName}, {@code memberOf} on users and groups, object
 * classes {@code user}, {@code computer} and {@code group}, and, as chosen by the test, the
 * in-chain matching rule answered, refused (as UnboundID does by itself) or matching nothing.
 */
final class InMemoryActiveDirectory extends InMemoryOperationInterceptor implements AutoCloseable {

    static final String DOMAIN = "corp.example.com";
    static final String ROOT = "dc=corp,dc=example,dc=com";
    static final String PASSWORD = "Corral-1";
    static final String SERVICE_ACCOUNT = "corral-reader@" + DOMAIN;
    /** Active Directory's groupType as it answers it: a signed 32-bit number, the security bit its sign. */
    static final String SECURITY_GLOBAL = "-2147483646";
    static final String DISTRIBUTION_UNIVERSAL = "8";
    private static final String IN_CHAIN_RULE = "1.2.840.113556.1.4.1941";
    private static final String NOTHING = "(objectClass=corral-matches-nothing)";
    // What a domain controller answers to a bind it refuses ("data 52e": wrong name or password).
    private static final String REFUSED = "80090308: LdapErr: DSID-0C09044E, comment: AcceptSecurityContext error, "
            + "data 52e, v4563";

    enum InChainRule { ANSWERED, REFUSED, MATCHES_NOTHING }

    private final InMemoryDirectoryServer server;
    private final AtomicInteger inChainSearches = new AtomicInteger();
    private final AtomicInteger entryReads = new AtomicInteger();
    private volatile InChainRule inChainRule = InChainRule.ANSWERED;

    private InMemoryActiveDirectory() throws LDAPException {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(ROOT);
        // Active Directory's schema (user, group, sAMAccountName…) is not UnboundID's: check none.
        config.setSchema(null);
        config.setListenerConfigs(
                InMemoryListenerConfig.createLDAPConfig("ldap", InetAddress.getLoopbackAddress(), 0, null));
        config.addInMemoryOperationInterceptor(this);
        server = new InMemoryDirectoryServer(config);
        server.addEntries(entries());
        server.startListening();
    }

    static InMemoryActiveDirectory start() throws LDAPException {
        return new InMemoryActiveDirectory();
    }

    String url() {
        return "ldap://127.0.0.1:" + server.getListenPort();
    }

    void inChainRule(InChainRule rule) {
        inChainRule = rule;
    }

    int inChainSearches() {
        return inChainSearches.get();
    }

    /** Base-scope searches: how following {@code memberOf} reads each group. */
    int entryReads() {
        return entryReads.get();
    }

    @Override
    public void close() {
        server.shutDown(true);
    }

    @Override
    public void processSimpleBindRequest(InMemoryInterceptedSimpleBindRequest request) throws LDAPException {
        String name = request.getRequest().getBindDN();
        if (!name.contains("@")) {
            return;
        }
        List<SearchResultEntry> accounts = server.search(ROOT, SearchScope.SUB,
                Filter.createEqualityFilter("userPrincipalName", name)).getSearchEntries();
        if (accounts.size() != 1) {
            throw new LDAPException(ResultCode.INVALID_CREDENTIALS, REFUSED);
        }
        request.setRequest(new SimpleBindRequest(accounts.getFirst().getDN(),
                request.getRequest().getPassword().getValue()));
    }

    @Override
    public void processSearchRequest(InMemoryInterceptedSearchRequest request) throws LDAPException {
        if (request.getRequest().getScope() == SearchScope.BASE) {
            entryReads.incrementAndGet();
        }
        String member = inChainMember(request.getRequest().getFilter());
        if (member == null) {
            return;
        }
        inChainSearches.incrementAndGet();
        if (inChainRule == InChainRule.REFUSED) {
            throw new LDAPException(ResultCode.INAPPROPRIATE_MATCHING, "The in-chain matching rule is not supported");
        }
        if (inChainRule == InChainRule.ANSWERED) {
            for (SearchResultEntry group : groupsContaining(new DN(member))) {
                request.sendSearchEntry(group);
            }
        }
        // Answered above (or not at all): the server itself must add nothing.
        SearchRequest nothing = request.getRequest().duplicate();
        nothing.setFilter(NOTHING);
        request.setRequest(nothing);
    }

    private static String inChainMember(Filter filter) {
        if (filter.getFilterType() == Filter.FILTER_TYPE_EXTENSIBLE_MATCH
                && IN_CHAIN_RULE.equals(filter.getMatchingRuleID())) {
            return filter.getAssertionValue();
        }
        for (Filter component : filter.getComponents()) {
            String member = inChainMember(component);
            if (member != null) {
                return member;
            }
        }
        return null;
    }

    /** The groups that hold {@code member}, directly or through other groups, each once. */
    private Set<SearchResultEntry> groupsContaining(DN member) throws LDAPException {
        List<SearchResultEntry> groups = server.search(ROOT, SearchScope.SUB, "(objectClass=group)").getSearchEntries();
        Set<SearchResultEntry> found = new LinkedHashSet<>();
        Set<DN> seen = new LinkedHashSet<>();
        Deque<DN> pending = new ArrayDeque<>(List.of(member));
        while (!pending.isEmpty()) {
            DN next = pending.removeFirst();
            if (!seen.add(next)) {
                continue;
            }
            for (SearchResultEntry group : groups) {
                String[] members = group.getAttributeValues("member");
                if (members != null && List.of(members).stream().anyMatch(m -> sameDn(m, next))) {
                    found.add(group);
                    pending.add(group.getParsedDN());
                }
            }
        }
        return found;
    }

    private static boolean sameDn(String dn, DN other) {
        try {
            return new DN(dn).equals(other);
        } catch (LDAPException e) {
            return false;
        }
    }

    private static Entry[] entries() {
        return new Entry[] {
            entry("dn: " + ROOT, "objectClass: top", "objectClass: domain", "dc: corp"),
            entry("dn: ou=People," + ROOT, "objectClass: organizationalUnit", "ou: People"),
            entry("dn: ou=Groups," + ROOT, "objectClass: organizationalUnit", "ou: Groups"),
            // An OU outside the group base where others may make groups.
            entry("dn: ou=Projects," + ROOT, "objectClass: organizationalUnit", "ou: Projects"),
            user("Bea Branch", "branch-ops", "cn=branch-operators,ou=Groups," + ROOT),
            user("Dev Eloper", "dev", "cn=developers,ou=Groups," + ROOT, "cn=corral-admins,ou=Projects," + ROOT,
                    "cn=announcements,ou=Groups," + ROOT),
            user("Corral Reader", "corral-reader"),
            entry("dn: cn=BRANCH-PC01,ou=People," + ROOT, "objectClass: top", "objectClass: person",
                    "objectClass: user", "objectClass: computer", "cn: BRANCH-PC01", "sAMAccountName: BRANCH-PC01$"),
            group("branch-operators", List.of("cn=Bea Branch,ou=People," + ROOT), List.of("cn=operators,ou=Groups," + ROOT)),
            group("operators", List.of("cn=branch-operators,ou=Groups," + ROOT), List.of()),
            // developers and engineering hold each other: nesting in a cycle.
            group("developers", List.of("cn=Dev Eloper,ou=People," + ROOT, "cn=engineering,ou=Groups," + ROOT),
                    List.of("cn=engineering,ou=Groups," + ROOT)),
            group("engineering", List.of("cn=developers,ou=Groups," + ROOT), List.of("cn=developers,ou=Groups," + ROOT)),
            // Neither confers anything: a security group outside the group base, a distribution group inside it.
            group("ou=Projects", "corral-admins", SECURITY_GLOBAL, List.of("cn=Dev Eloper,ou=People," + ROOT), List.of()),
            group("ou=Groups", "announcements", DISTRIBUTION_UNIVERSAL, List.of("cn=Dev Eloper,ou=People," + ROOT),
                    List.of()),
        };
    }

    private static Entry user(String cn, String account, String... memberOf) {
        List<String> lines = new ArrayList<>(List.of("dn: cn=" + cn + ",ou=People," + ROOT,
                "objectClass: top", "objectClass: person", "objectClass: organizationalPerson", "objectClass: user",
                "cn: " + cn, "displayName: " + cn, "sAMAccountName: " + account,
                "userPrincipalName: " + account + "@" + DOMAIN, "userPassword: " + PASSWORD));
        for (String group : memberOf) {
            lines.add("memberOf: " + group);
        }
        return entry(lines.toArray(String[]::new));
    }

    private static Entry group(String cn, List<String> members, List<String> memberOf) {
        return group("ou=Groups", cn, SECURITY_GLOBAL, members, memberOf);
    }

    private static Entry group(String ou, String cn, String groupType, List<String> members, List<String> memberOf) {
        List<String> lines = new ArrayList<>(List.of("dn: cn=" + cn + "," + ou + "," + ROOT,
                "objectClass: top", "objectClass: group", "cn: " + cn, "sAMAccountName: " + cn,
                "groupType: " + groupType));
        members.forEach(m -> lines.add("member: " + m));
        memberOf.forEach(g -> lines.add("memberOf: " + g));
        return entry(lines.toArray(String[]::new));
    }

    private static Entry entry(String... ldif) {
        try {
            return new Entry(ldif);
        } catch (LDIFException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
