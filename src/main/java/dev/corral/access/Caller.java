package dev.corral.access;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** Who is asking: a directory user and the groups it belongs to, nested groups included. */
public record Caller(String user, Set<String> groups) {

    public Caller {
        groups = Set.copyOf(groups);
    }

    boolean matches(Grant grant) {
        String key = Assignment.key(grant.principalName());
        return switch (grant.principalType()) {
            case USER -> key.equals(Assignment.key(user));
            case GROUP -> groupKeys().contains(key);
        };
    }

    Set<String> groupKeys() {
        return groups.stream().map(g -> g.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    }

    boolean owns(String vmOwner) {
        return vmOwner != null && Assignment.key(vmOwner).equals(Assignment.key(user));
    }

    /** "via group operators" or "as user dev". */
    String via(Grant grant) {
        return grant.principalType() == PrincipalType.GROUP ? "via group " + grant.principalName() : "as user " + grant.principalName();
    }
}
