package dev.corral.access.api;

import dev.corral.access.AccessPolicy;
import dev.corral.access.AssignmentService;
import dev.corral.access.Grant;
import dev.corral.access.Permission;
import dev.corral.access.PrincipalType;
import dev.corral.access.Quota;
import dev.corral.access.RoleService;
import dev.corral.access.RoleView;
import dev.corral.access.Scope;
import dev.corral.base.InvalidInputException;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Roles, assignments and explanations: {@code /api/v1/roles}, {@code /api/v1/assignments}, {@code /api/v1/access/explain}. */
@RestController
@RequestMapping("/api/v1")
class AccessController {

    private final AssignmentService assignments;
    private final RoleService roles;
    private final AccessPolicy policy;

    AccessController(AssignmentService assignments, RoleService roles, AccessPolicy policy) {
        this.assignments = assignments;
        this.roles = roles;
        this.policy = policy;
    }

    record RoleRequest(String name, String description, java.util.Set<String> permissions) {
    }

    @PostMapping("/roles")
    ResponseEntity<RoleView> createRole(@RequestBody RoleRequest request) {
        RoleView role = roles.create(request.name(), request.description(), request.permissions());
        return ResponseEntity.created(URI.create("/api/v1/roles/" + role.id())).body(role);
    }

    @DeleteMapping("/roles/{id}")
    ResponseEntity<Void> deleteRole(@PathVariable UUID id) {
        roles.delete(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/roles")
    List<RoleView> roles() {
        return assignments.roles();
    }

    @GetMapping("/assignments")
    List<Grant> list() {
        return assignments.assignments();
    }

    /** The body of {@code POST /api/v1/assignments}; scope is "global", "host-group:<id>", "host:<id>" or "vm:<id>". */
    record AssignmentRequest(PrincipalType principalType, String principalName, UUID roleId, String scope, Quota quota) {
    }

    @PostMapping("/assignments")
    ResponseEntity<Grant> assign(@RequestBody AssignmentRequest request) {
        Grant grant = assignments.assign(new AssignmentService.NewAssignment(request.principalType(),
                request.principalName(), request.roleId(), ScopeParam.parse("scope", request.scope()), request.quota()));
        return ResponseEntity.created(URI.create("/api/v1/assignments/" + grant.id())).body(grant);
    }

    @DeleteMapping("/assignments/{id}")
    ResponseEntity<Void> unassign(@PathVariable UUID id) {
        assignments.unassign(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/access/explain")
    AccessPolicy.Decision explain(@RequestParam String principal, @RequestParam String permission,
            @RequestParam(defaultValue = "global") String object) {
        Permission asked = Permission.ofCode(permission).orElseThrow(() -> new InvalidInputException("permission",
                "\"" + permission + "\" is not a permission; use one of " + codes() + "."));
        return policy.explain(principal, asked, ScopeParam.parse("object", object));
    }

    private static String codes() {
        return String.join(", ", java.util.Arrays.stream(Permission.values()).map(Permission::code).toList());
    }

    /** Scopes in URLs and bodies: "global", "host-group:<uuid>", "host:<uuid>", "vm:<uuid>". */
    static final class ScopeParam {
        private ScopeParam() {
        }

        static Scope parse(String field, String text) {
            if (text == null || text.isBlank() || text.equalsIgnoreCase("global")) {
                return Scope.GLOBAL;
            }
            int colon = text.indexOf(':');
            try {
                UUID id = UUID.fromString(text.substring(colon + 1));
                return switch (colon < 0 ? "" : text.substring(0, colon).toLowerCase()) {
                    case "host-group" -> Scope.hostGroup(id);
                    case "host" -> Scope.host(id);
                    case "vm" -> Scope.vm(id);
                    default -> throw new IllegalArgumentException();
                };
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(field, "\"" + text + "\" is not a scope; write global, host-group:<id>, "
                        + "host:<id> or vm:<id>.");
            }
        }
    }
}
