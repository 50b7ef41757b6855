package dev.corral.access.api;

import dev.corral.access.AssignmentService;
import dev.corral.access.Grant;
import dev.corral.base.SignedInUser;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/me}: who the caller is to Corral, and what it holds where. */
@RestController
@RequestMapping("/api/v1/me")
class MeController {

    private final AssignmentService assignments;

    MeController(AssignmentService assignments) {
        this.assignments = assignments;
    }

    record Me(String name, String displayName, List<String> groups, List<EffectiveRole> roles) {
    }

    /** A role the caller holds, where, and through which principal (itself or one of its groups). */
    record EffectiveRole(String role, String scope, java.util.UUID scopeId, String via) {
    }

    @GetMapping
    Me me(Authentication authentication) {
        SignedInUser user = SignedInUser.from(authentication);
        List<EffectiveRole> roles = assignments.mine().stream().map(MeController::effective).toList();
        return new Me(user.name(), user.displayName(), user.groups(), roles);
    }

    private static EffectiveRole effective(Grant grant) {
        return new EffectiveRole(grant.role().name(), grant.scope().kind().name().toLowerCase().replace('_', '-'),
                grant.scope().id(), grant.principalType().name().toLowerCase() + " " + grant.principalName());
    }
}
