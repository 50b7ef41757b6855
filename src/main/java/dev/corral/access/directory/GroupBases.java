package dev.corral.access.directory;

import dev.corral.access.DirectoryProperties;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.naming.InvalidNameException;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * Which directory groups count for access ({@code corral.directory.group-bases}): those whose DN
 * lies under one of the bases, each by the name in its own DN (the value of its cn RDN). A group
 * of the same name elsewhere in the directory, or another cn value given to a group, confers
 * nothing, so nobody becomes Administrator by making a group called corral-admins where they may.
 * Name as bases only the parts of the directory where trusted people make groups.
 */
public final class GroupBases {

    /** Active Directory's groupType flag of a security group (the others are distribution lists). */
    static final long SECURITY_ENABLED = 0x80000000L;

    private final List<LdapName> bases;

    GroupBases(List<LdapName> bases) {
        this.bases = List.copyOf(bases);
    }

    /**
     * The bases configured; on the embedded and LDAP directories, when none is, the group search
     * base below the connection's base, where groups were always looked for. Refuses to go on
     * without any (Active Directory has no group search base to fall back to).
     */
    public static GroupBases of(DirectoryProperties directory, LdapName connectionBase) {
        if (directory.groupBases().isEmpty() && directory.mode() != DirectoryProperties.Mode.ACTIVE_DIRECTORY
                && !directory.groupSearchBase().isBlank()) {
            LdapName base = (LdapName) connectionBase.clone();
            try {
                base.addAll(parse("corral.directory.group-search-base", directory.groupSearchBase()));
            } catch (InvalidNameException e) {
                throw new IllegalStateException("corral.directory.group-search-base is not a DN: " + e.getMessage(), e);
            }
            return new GroupBases(List.of(base));
        }
        if (directory.groupBases().isEmpty()) {
            throw new IllegalStateException("Set corral.directory.group-bases: the DNs under which directory groups "
                    + "count for access (for example ou=groups,dc=example,dc=com). A group elsewhere confers nothing.");
        }
        List<LdapName> bases = new ArrayList<>();
        for (String base : directory.groupBases()) {
            bases.add(parse("corral.directory.group-bases", base));
        }
        return new GroupBases(bases);
    }

    private static LdapName parse(String setting, String dn) {
        try {
            return new LdapName(dn.strip());
        } catch (InvalidNameException | IllegalArgumentException e) {
            throw new IllegalStateException(setting + ": \"" + dn + "\" is not a DN", e);
        }
    }

    /** The name the group counts by, or empty when it lies under none of the bases. */
    public Optional<String> nameOf(String groupDn) {
        LdapName dn;
        try {
            dn = new LdapName(groupDn);
        } catch (InvalidNameException | IllegalArgumentException e) {
            return Optional.empty();
        }
        if (bases.stream().noneMatch(base -> dn.size() > base.size() && dn.startsWith(base))) {
            return Optional.empty();
        }
        Rdn own = dn.getRdn(dn.size() - 1);
        Attribute cn = own.toAttributes().get("cn");
        try {
            return Optional.of(String.valueOf(cn != null ? cn.get() : own.getValue()));
        } catch (NamingException e) {
            return Optional.empty();
        }
    }

    /**
     * Active Directory: whether {@code groupType} (a signed 32-bit number as the server answers
     * it, or its unsigned reading) marks a security group. A distribution list, or a group whose
     * type cannot be read, does not count.
     */
    static boolean isSecurityGroup(String groupType) {
        if (groupType == null) {
            return false;
        }
        try {
            return (Long.parseLong(groupType.strip()) & SECURITY_ENABLED) != 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return bases.toString();
    }
}
