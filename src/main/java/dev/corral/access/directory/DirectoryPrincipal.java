package dev.corral.access.directory;

/**
 * A user or group of the directory, as an assignment names it.
 *
 * @param name        the sign-in name of a user (uid, sAMAccountName), the cn of a group
 * @param displayName a name for people (displayName, else cn)
 * @param dn          the full distinguished name
 */
public record DirectoryPrincipal(Type type, String name, String displayName, String dn) {

    public enum Type { USER, GROUP }
}
