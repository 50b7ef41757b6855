package dev.corral.access;

import dev.corral.access.audit.AuditEvent;
import dev.corral.access.audit.AuditTrail;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * At start-up: brings the built-in roles in line with {@code config/access/roles.yml} (refusing
 * to start on an unknown permission), and on the very first start creates the configured
 * assignments, so that someone can administer Corral.
 */
@Component
@Order(20)
class AccessSetup implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AccessSetup.class);

    private final AccessProperties properties;
    private final RoleRepository roles;
    private final AssignmentRepository assignments;
    private final ScopeHierarchy hierarchy;
    private final AuditTrail audit;
    private final Clock clock;

    AccessSetup(AccessProperties properties, RoleRepository roles, AssignmentRepository assignments,
            ScopeHierarchy hierarchy, AuditTrail audit, Clock clock) {
        this.properties = properties;
        this.roles = roles;
        this.assignments = assignments;
        this.hierarchy = hierarchy;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        properties.builtInRoles().forEach(this::sync);
        if (assignments.count() == 0) {
            properties.demoAssignments().forEach(this::create);
        }
    }

    private void sync(AccessProperties.RoleDefinition definition) {
        Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        for (String code : definition.permissions() == null ? Set.<String>of() : definition.permissions()) {
            permissions.add(Permission.ofCode(code).orElseThrow(() -> new IllegalStateException(
                    "config/access/roles.yml: role " + definition.name() + " names unknown permission " + code)));
        }
        Role role = roles.findByNameIgnoreCase(definition.name()).orElseGet(() -> new Role(
                UUID.nameUUIDFromBytes(("role/" + definition.name()).getBytes(StandardCharsets.UTF_8)), definition.name(),
                definition.description(), true, definition.deniesAll(), definition.ownedVmsOnly(), permissions));
        role.redefine(definition.description(), definition.deniesAll(), definition.ownedVmsOnly(), permissions);
        roles.save(role);
    }

    private void create(AccessProperties.DemoAssignment demo) {
        Role role = roles.findByNameIgnoreCase(demo.role()).orElseThrow(() -> new IllegalStateException(
                "config/access/roles.yml: an assignment names unknown role " + demo.role()));
        Scope scope = demo.hostGroup() == null ? Scope.GLOBAL : hostGroupNamed(demo.hostGroup());
        if (scope == null) {
            log.warn("Assignment of {} to {} skipped: there is no host group {}", demo.role(), principal(demo), demo.hostGroup());
            return;
        }
        PrincipalType type = demo.group() != null ? PrincipalType.GROUP : PrincipalType.USER;
        Quota quota = demo.quota() == null ? Quota.NONE : demo.quota();
        Assignment assignment = assignments.save(new Assignment(UUID.randomUUID(), type, principal(demo), role, scope,
                quota, "system", clock.instant()));
        audit.record(new AuditEvent("system", null, Channel.SYSTEM, "assignment.create", "assignment",
                assignment.grant().id().toString(), role.name() + " for " + principal(demo), AuditEvent.Outcome.SUCCESS,
                "Created at first start from config/access/roles.yml on " + hierarchy.describe(scope).orElse("?") + "."));
    }

    private Scope hostGroupNamed(String name) {
        return hierarchy.rootGroupNamed(name).map(Scope::hostGroup).orElse(null);
    }

    private static String principal(AccessProperties.DemoAssignment demo) {
        return demo.group() != null ? demo.group() : demo.user();
    }
}
