package dev.corral.support;

import java.util.List;
import org.springframework.ldap.core.DirContextAdapter;
import org.springframework.ldap.core.LdapOperations;
import org.springframework.ldap.support.LdapUtils;

/**
 * Entries a test adds to the running directory over LDAP, as someone with write access to a part
 * of it would: names relative to the connection's base ({@code spring.ldap.base}).
 */
public final class DirectoryEntries {

    private DirectoryEntries() {
    }

    public static void organizationalUnit(LdapOperations ldap, String dn) {
        DirContextAdapter entry = new DirContextAdapter(LdapUtils.newLdapName(dn));
        entry.setAttributeValues("objectClass", new String[] {"top", "organizationalUnit"});
        entry.setAttributeValue("ou", String.valueOf(LdapUtils.getValue(LdapUtils.newLdapName(dn), "ou")));
        ldap.bind(entry);
    }

    /** A groupOfNames; {@code names} are its cn values (the first is the one in its DN). */
    public static void group(LdapOperations ldap, String dn, List<String> names, String... memberDns) {
        DirContextAdapter entry = new DirContextAdapter(LdapUtils.newLdapName(dn));
        entry.setAttributeValues("objectClass", new String[] {"top", "groupOfNames"});
        entry.setAttributeValues("cn", names.toArray());
        entry.setAttributeValues("member", memberDns);
        ldap.bind(entry);
    }
}
