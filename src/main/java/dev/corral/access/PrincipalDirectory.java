package dev.corral.access;

import java.util.Set;

/** The directory as the access model asks it: which groups (nested included) a user is in now. */
public interface PrincipalDirectory {

    /**
     * The user's groups now, or empty when the directory no longer has the user. Throws {@link
     * dev.corral.base.ServiceUnavailableException} when the directory cannot be asked.
     */
    java.util.Optional<Set<String>> groupsOf(String user);

    /**
     * The user's groups now and whether the directory lets them sign in (not disabled, not locked
     * out), read together; empty when the directory no longer has the user. Throws as {@link
     * #groupsOf}.
     */
    java.util.Optional<Account> accountOf(String user);

    /** A user as the directory has them now. */
    record Account(Set<String> groups, boolean maySignIn) {
    }
}
