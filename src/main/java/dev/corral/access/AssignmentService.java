package dev.corral.access;

import dev.corral.access.audit.AuditEvent;
import dev.corral.access.audit.AuditTrail;
import dev.corral.base.InvalidInputException;
import dev.corral.base.NotFoundException;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Roles and assignments, under the delegation rule: someone with access.manage at a scope may
 * assign only within it, and only roles whose permissions they hold there themselves.
 */
@Service
@Transactional
public class AssignmentService {

    private final AssignmentRepository assignments;
    private final RoleRepository roles;
    private final AccessPolicyService policy;
    private final ScopeHierarchy hierarchy;
    private final AuditTrail audit;
    private final Clock clock;

    private final org.springframework.beans.factory.ObjectProvider<PrincipalDirectory> directory;

    AssignmentService(AssignmentRepository assignments, RoleRepository roles, AccessPolicyService policy,
            ScopeHierarchy hierarchy, AuditTrail audit, Clock clock,
            org.springframework.beans.factory.ObjectProvider<PrincipalDirectory> directory) {
        this.directory = directory;
        this.assignments = assignments;
        this.roles = roles;
        this.policy = policy;
        this.hierarchy = hierarchy;
        this.audit = audit;
        this.clock = clock;
    }

    /** A request to assign a role, as a form or the API sends it. */
    public record NewAssignment(PrincipalType principalType, String principalName, UUID roleId, Scope scope, Quota quota) {
    }

    @Transactional(readOnly = true)
    public List<RoleView> roles() {
        CurrentCaller.get();
        return roles.findAll().stream().map(Role::view)
                .sorted(Comparator.comparing(RoleView::builtIn).reversed().thenComparing(RoleView::name)).toList();
    }

    /** The assignments at scopes where the caller manages access or reads the audit trail. */
    @Transactional(readOnly = true)
    public List<Grant> assignments() {
        Caller caller = CurrentCaller.get();
        return assignments.findAll().stream().map(Assignment::grant)
                .filter(g -> policy.decide(caller, Permission.ACCESS_MANAGE, g.scope()).allowed()
                        || policy.decide(caller, Permission.AUDIT_VIEW, Scope.GLOBAL).allowed())
                .sorted(Comparator.comparing(Grant::createdAt).reversed()).toList();
    }

    /** The caller's own grants, for "who am I" in the console and the API. */
    @Transactional(readOnly = true)
    public List<Grant> mine() {
        return policy.grantsOf(CurrentCaller.get());
    }

    public Grant assign(NewAssignment request) {
        Caller caller = CurrentCaller.get();
        String principal = checkPrincipal(request.principalName());
        if (request.principalType() == null) {
            throw new InvalidInputException("principalType", "Say whether the principal is a user or a group.");
        }
        PrincipalDirectory users = directory.getIfAvailable();
        java.util.Optional<java.util.Set<String>> userGroups = request.principalType() == PrincipalType.USER && users != null
                ? users.groupsOf(principal) : java.util.Optional.of(java.util.Set.of());
        if (userGroups.isEmpty()) {
            throw new InvalidInputException("principalName", "The directory has no user " + principal + ".");
        }
        Role role = roles.findById(request.roleId() == null ? new UUID(0, 0) : request.roleId())
                .orElseThrow(() -> new InvalidInputException("roleId", "Choose one of the roles."));
        Scope scope = request.scope() == null ? Scope.GLOBAL : request.scope();
        policy.require(Permission.ACCESS_MANAGE, managedFrom(role.view(), scope));
        requireDelegable(caller, "assignment.create", role.view(), scope);
        requireWithinReach(caller, "assignment.create", request.principalType(), principal, userGroups.get(), scope);
        Quota quota = request.quota() == null ? Quota.NONE : request.quota();
        boolean duplicate = assignments.findByPrincipalKeyIn(java.util.Set.of(Assignment.key(principal))).stream()
                .map(Assignment::grant).anyMatch(g -> g.principalType() == request.principalType()
                        && g.role().id().equals(role.view().id()) && g.scope().equals(scope));
        if (duplicate) {
            throw new InvalidInputException("principalName", principal + " already holds " + role.name() + " there.");
        }
        Assignment saved = assignments.save(new Assignment(UUID.randomUUID(), request.principalType(), principal, role,
                scope, quota, caller.user(), clock.instant()));
        record(caller, "assignment.create", saved.grant(), "Assigned " + role.name() + " to "
                + request.principalType().name().toLowerCase() + " " + principal + " on " + describe(scope) + ".");
        return saved.grant();
    }

    public void unassign(UUID assignmentId) {
        Caller caller = CurrentCaller.get();
        Grant grant = assignments.findById(assignmentId).map(Assignment::grant)
                .orElseThrow(() -> new NotFoundException("There is no such assignment."));
        policy.require(Permission.ACCESS_MANAGE, managedFrom(grant.role(), grant.scope()));
        requireDelegable(caller, "assignment.delete", grant.role(), grant.scope());
        requireWithinReach(caller, "assignment.delete", grant.principalType(), grant.principalName(),
                grant.principalType() == PrincipalType.USER ? groupsOf(grant.principalName()) : java.util.Set.of(),
                grant.scope());
        assignments.deleteById(assignmentId);
        record(caller, "assignment.delete", grant, "Removed " + grant.role().name() + " from " + grant.principalName()
                + " on " + describe(grant.scope()) + ".");
    }

    /**
     * Where access must be managed to give or take this role here. No Access restricts those who
     * manage the scope itself, so only someone above it may place or lift it.
     */
    private Scope managedFrom(RoleView role, Scope scope) {
        List<Scope> lineage = hierarchy.lineage(scope);
        return role.deniesAll() && lineage.size() > 1 ? lineage.get(1) : scope;
    }

    /**
     * Removes the assignments on an object that no longer exists. Called by the inventory once it
     * has removed the object, inside the same transaction; it grants nothing to anyone.
     */
    public void forget(Scope removed) {
        assignments.deleteByScopeKindAndScopeId(removed.kind(), removed.id());
    }

    /** Nobody hands out, or takes away, more than they hold at that scope. */
    private void requireDelegable(Caller caller, String action, RoleView role, Scope scope) {
        List<String> missing = undelegable(role, p -> policy.decide(caller, p, scope).allowed());
        if (!missing.isEmpty()) {
            refuse(caller, action, scope, caller.user() + " may not delegate role " + role.name() + " on " + describe(scope)
                    + ": it includes " + String.join(", ", missing) + ", which " + caller.user() + " does not hold there.");
        }
    }

    /**
     * Access is not aimed upwards: a principal who holds any role (directly or, for a user, through
     * its groups) at a scope where the caller does not manage access is out of the caller's reach,
     * whatever the role and wherever it would go. Otherwise someone who manages a host group could
     * place No Access on the administrators or the auditors on a host of it. The message names no
     * role or scope: those may lie where the caller sees nothing.
     */
    private void requireWithinReach(Caller caller, String action, PrincipalType type, String principal,
            java.util.Set<String> userGroups, Scope scope) {
        List<Grant> held = type == PrincipalType.USER
                ? policy.grantsOf(new Caller(principal, userGroups))
                : assignments.findByPrincipalKeyIn(java.util.Set.of(Assignment.key(principal))).stream()
                        .map(Assignment::grant).filter(g -> g.principalType() == PrincipalType.GROUP).toList();
        boolean beyond = held.stream().anyMatch(g -> !policy.decide(caller, Permission.ACCESS_MANAGE, g.scope()).allowed());
        if (beyond) {
            refuse(caller, action, scope, caller.user() + " may not assign roles to " + type.name().toLowerCase() + " "
                    + principal + ": it holds rights beyond what " + caller.user() + " manages, so only someone who"
                    + " manages access there may change its access.");
        }
    }

    private java.util.Set<String> groupsOf(String user) {
        PrincipalDirectory users = directory.getIfAvailable();
        // A user the directory no longer has keeps only the assignments that name it.
        return users == null ? java.util.Set.of() : users.groupsOf(user).orElse(java.util.Set.of());
    }

    private void refuse(Caller caller, String action, Scope scope, String message) {
        audit.record(new AuditEvent(caller.user(), CurrentCaller.sourceAddress(), CurrentCaller.channel(),
                action, "scope", scope.id() == null ? null : scope.id().toString(), describe(scope),
                AuditEvent.Outcome.REFUSED, message));
        throw new NotPermittedException(Permission.ACCESS_MANAGE, scope, message);
    }

    /** The role's permissions the delegator does not hold, by code. */
    static List<String> undelegable(RoleView role, java.util.function.Predicate<Permission> holds) {
        return role.permissions().stream().filter(holds.negate()).map(Permission::code).sorted().toList();
    }

    private static String checkPrincipal(String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("principalName", "Name the directory user or group.");
        }
        String stripped = name.strip();
        if (stripped.length() > 256 || stripped.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException("principalName", "A directory name has at most 256 printable characters.");
        }
        if (stripped.chars().anyMatch(c -> "*()\\<>\"".indexOf(c) >= 0)) {
            // No directory account is named so, and these would change the meaning of a directory search.
            throw new InvalidInputException("principalName", "A user or group name cannot contain * ( ) \\ < > or \".");
        }
        return stripped;
    }

    /** A scope's name for people. */
    @Transactional(readOnly = true)
    public String describe(Scope scope) {
        return hierarchy.describe(scope).orElse("a removed object");
    }

    /** Everything, then each host group and host: where the caller may assign roles. */
    @Transactional(readOnly = true)
    public List<Scope> assignableScopes() {
        Caller caller = CurrentCaller.get();
        List<Scope> all = new java.util.ArrayList<>();
        all.add(Scope.GLOBAL);
        all.addAll(hierarchy.groupsAndHosts());
        return all.stream().filter(s -> policy.decide(caller, Permission.ACCESS_MANAGE, s).allowed()).toList();
    }

    /** Whether the caller may change access anywhere. */
    @Transactional(readOnly = true)
    public boolean canAssignAnywhere() {
        return !assignableScopes().isEmpty();
    }

    private void record(Caller caller, String action, Grant grant, String details) {
        audit.record(new AuditEvent(caller.user(), CurrentCaller.sourceAddress(), CurrentCaller.channel(), action,
                "assignment", grant.id().toString(), grant.role().name() + " for " + grant.principalName(),
                AuditEvent.Outcome.SUCCESS, details));
    }
}
