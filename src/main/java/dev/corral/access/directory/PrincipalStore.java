package dev.corral.access.directory;

import dev.corral.access.DirectoryProperties;
import dev.corral.access.directory.DirectoryPrincipal.Type;

/**
 * Where one kind of principal lives in a directory and how it is recognised.
 *
 * @param base          search base, relative to the connection's base
 * @param classFilter   a filter that matches this kind of entry only
 * @param nameAttribute the attribute holding the principal's name
 * @param exactFilter   finds one principal by name ({0}, escaped)
 */
record PrincipalStore(Type type, String base, String classFilter, String nameAttribute, String exactFilter) {

    private static final String LDAP_GROUP_CLASSES = "(|(objectClass=groupOfNames)(objectClass=groupOfUniqueNames)"
            + "(objectClass=posixGroup)(objectClass=group))";
    // Computers are users in Active Directory too.
    private static final String AD_USER_CLASSES = "(&(objectClass=user)(!(objectClass=computer)))";

    static PrincipalStore ldapUsers(DirectoryProperties directory) {
        return new PrincipalStore(Type.USER, directory.userSearchBase(), "(objectClass=person)",
                directory.userNameAttribute(), directory.userSearchFilter());
    }

    static PrincipalStore ldapGroups(DirectoryProperties directory) {
        return new PrincipalStore(Type.GROUP, directory.groupSearchBase(), LDAP_GROUP_CLASSES, "cn", "(cn={0})");
    }

    static PrincipalStore activeDirectoryUsers() {
        return new PrincipalStore(Type.USER, "", AD_USER_CLASSES, "sAMAccountName", "(sAMAccountName={0})");
    }

    static PrincipalStore activeDirectoryGroups() {
        return new PrincipalStore(Type.GROUP, "", "(objectClass=group)", "cn", "(cn={0})");
    }
}
