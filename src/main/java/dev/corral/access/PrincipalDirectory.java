package dev.corral.access;

import java.util.Set;

/** The directory as the access model asks it: which groups (nested included) a user is in now. */
public interface PrincipalDirectory {

    Set<String> groupsOf(String user);
}
