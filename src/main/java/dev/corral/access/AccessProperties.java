package dev.corral.access;

import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The built-in roles and the demo assignments, from {@code config/access/roles.yml}, and the
 * initial assignments an administrator configures for a real directory.
 */
@ConfigurationProperties("corral.access")
record AccessProperties(List<RoleDefinition> builtInRoles, List<DemoAssignment> demoAssignments,
        List<InitialAssignment> initialAssignments) {

    AccessProperties {
        builtInRoles = builtInRoles == null ? List.of() : List.copyOf(builtInRoles);
        demoAssignments = demoAssignments == null ? List.of() : List.copyOf(demoAssignments);
        initialAssignments = initialAssignments == null ? List.of() : List.copyOf(initialAssignments);
    }

    record RoleDefinition(String name, String description, Set<String> permissions, boolean deniesAll,
            boolean ownedVmsOnly) {
    }

    /** A demo grant: to a group (or user), of a role, globally or at a host group named by its path. */
    record DemoAssignment(String group, String user, String role, String hostGroup, Quota quota) {
    }

    /**
     * A first assignment for a real directory's administrators, made only when Corral has no
     * assignment at all: a role for a directory user or group, globally ("global", the default) or
     * at a top-level host group ("host-group:<name>").
     */
    record InitialAssignment(PrincipalType principalType, String principalName, String role, String scope,
            Quota quota) {

        /** How the entry is named in messages: its index and what it says. */
        String describe(int index) {
            return "corral.access.initial-assignments[" + index + "] (" + principalType + " " + principalName
                    + ", role " + role + ", scope " + (scope == null ? "global" : scope) + ")";
        }
    }
}
