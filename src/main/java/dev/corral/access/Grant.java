package dev.corral.access;

import java.time.Instant;
import java.util.UUID;

/** An assignment as the evaluator, the console and the API see it. */
public record Grant(UUID id, PrincipalType principalType, String principalName, RoleView role, Scope scope,
        Quota quota, String createdBy, Instant createdAt) {
}
