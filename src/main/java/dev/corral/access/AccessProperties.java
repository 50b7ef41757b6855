package dev.corral.access;

import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** The built-in roles and the demo assignments, from {@code config/access/roles.yml}. */
@ConfigurationProperties("corral.access")
record AccessProperties(List<RoleDefinition> builtInRoles, List<DemoAssignment> demoAssignments) {

    AccessProperties {
        builtInRoles = builtInRoles == null ? List.of() : List.copyOf(builtInRoles);
        demoAssignments = demoAssignments == null ? List.of() : List.copyOf(demoAssignments);
    }

    record RoleDefinition(String name, String description, Set<String> permissions, boolean deniesAll,
            boolean ownedVmsOnly) {
    }

    /** A demo grant: to a group (or user), of a role, globally or at a host group named by its path. */
    record DemoAssignment(String group, String user, String role, String hostGroup, Quota quota) {
    }
}
