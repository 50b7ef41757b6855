package dev.corral.access;

import java.util.Set;
import java.util.UUID;

/** A role as the console and API show it. */
public record RoleView(UUID id, String name, String description, boolean builtIn, boolean deniesAll,
        boolean ownedVmsOnly, Set<Permission> permissions) {
}
