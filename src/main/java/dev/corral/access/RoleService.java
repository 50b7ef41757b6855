package dev.corral.access;

import dev.corral.access.audit.AuditEvent;
import dev.corral.access.audit.AuditTrail;
import dev.corral.base.InvalidInputException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Custom roles: made by someone who manages access everywhere, only from permissions they hold
 * everywhere; removed only while no assignment uses them. Built-in roles come from
 * configuration and cannot be changed here.
 */
@Service
@Transactional
public class RoleService {

    private final RoleRepository roles;
    private final AssignmentRepository assignments;
    private final AccessPolicyService policy;
    private final AuditTrail audit;

    RoleService(RoleRepository roles, AssignmentRepository assignments, AccessPolicyService policy, AuditTrail audit) {
        this.roles = roles;
        this.assignments = assignments;
        this.policy = policy;
        this.audit = audit;
    }

    public RoleView create(String name, String description, Set<String> permissionCodes) {
        Caller caller = CurrentCaller.get();
        policy.require(Permission.ACCESS_MANAGE, Scope.GLOBAL);
        String checkedName = dev.corral.base.Names.check("name", name, "role");
        if (roles.findByNameIgnoreCase(checkedName).isPresent()) {
            throw new InvalidInputException("name", "There is already a role named " + checkedName + ".");
        }
        if (description != null && description.length() > 500) {
            throw new InvalidInputException("description", "A description has at most 500 characters.");
        }
        Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        for (String code : permissionCodes == null ? Set.<String>of() : permissionCodes) {
            permissions.add(Permission.ofCode(code).orElseThrow(() -> new InvalidInputException("permissions",
                    "\"" + code + "\" is not a permission.")));
        }
        if (permissions.isEmpty()) {
            throw new InvalidInputException("permissions", "A role needs at least one permission (No Access exists already).");
        }
        RoleView candidate = new RoleView(null, checkedName, description, false, false, false, permissions);
        List<String> missing = AssignmentService.undelegable(candidate, p -> policy.decide(caller, p, Scope.GLOBAL).allowed());
        if (!missing.isEmpty()) {
            String message = caller.user() + " may not create a role with " + String.join(", ", missing) + ", which "
                    + caller.user() + " does not hold everywhere.";
            audit.record(new AuditEvent(caller.user(), CurrentCaller.sourceAddress(), CurrentCaller.channel(), "role.create",
                    "role", null, checkedName, AuditEvent.Outcome.REFUSED, message));
            throw new NotPermittedException(Permission.ACCESS_MANAGE, Scope.GLOBAL, message);
        }
        Role role = roles.save(new Role(UUID.randomUUID(), checkedName, description, false, false, false, permissions));
        record(caller, "role.create", role.view(), "Created role " + checkedName + " with " + permissions.size() + " permissions.");
        return role.view();
    }

    public void delete(UUID id) {
        Caller caller = CurrentCaller.get();
        policy.require(Permission.ACCESS_MANAGE, Scope.GLOBAL);
        Role role = roles.findById(id).orElseThrow(() -> new dev.corral.base.NotFoundException("There is no such role."));
        if (role.builtIn()) {
            throw new InvalidInputException("id", "Built-in roles come from config/access/roles.yml and cannot be deleted.");
        }
        if (assignments.existsByRole_Id(id)) {
            throw new InvalidInputException("id", "Role " + role.name() + " is still assigned; remove its assignments first.");
        }
        roles.delete(role);
        record(caller, "role.delete", role.view(), "Deleted role " + role.name() + ".");
    }

    private void record(Caller caller, String action, RoleView role, String details) {
        audit.record(new AuditEvent(caller.user(), CurrentCaller.sourceAddress(), CurrentCaller.channel(), action, "role",
                role.id().toString(), role.name(), AuditEvent.Outcome.SUCCESS, details));
    }
}
