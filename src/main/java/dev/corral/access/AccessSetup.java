package dev.corral.access;

import dev.corral.access.audit.AuditEvent;
import dev.corral.access.audit.AuditTrail;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
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
 * to start on an unknown permission), and when there is no assignment at all creates the
 * configured ones (the demo's, and {@code corral.access.initial-assignments} for a real
 * directory's first administrators), so that someone can administer Corral.
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
        List<Planned> initial = plan(properties.initialAssignments());
        if (assignments.count() == 0) {
            properties.demoAssignments().forEach(this::create);
            initial.forEach(this::create);
        }
    }

    private record Planned(String entry, PrincipalType type, String principal, String role, String scope, Quota quota) {
    }

    // Each entry is checked at every start, so a typo shows before it matters; the role and the
    // host group are looked up only when the entries are applied (later, either may be gone).
    private static List<Planned> plan(List<AccessProperties.InitialAssignment> entries) {
        List<Planned> planned = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            AccessProperties.InitialAssignment entry = entries.get(i);
            String named = entry.describe(i);
            if (entry.principalType() == null) {
                throw new IllegalStateException(named + ": principal-type is required, USER or GROUP");
            }
            if (entry.principalName() == null || entry.principalName().isBlank()) {
                throw new IllegalStateException(named + ": principal-name is required");
            }
            if (entry.role() == null || entry.role().isBlank()) {
                throw new IllegalStateException(named + ": role is required (a role's name, e.g. Administrator)");
            }
            String scope = entry.scope() == null || entry.scope().isBlank() ? "global" : entry.scope().strip();
            if (!scope.equalsIgnoreCase("global") && !(scope.startsWith("host-group:") && scope.length() > 11)) {
                throw new IllegalStateException(named + ": scope must be \"global\" or \"host-group:<name of a "
                        + "top-level host group>\", not \"" + scope + "\"");
            }
            planned.add(new Planned(named, entry.principalType(), entry.principalName().strip(), entry.role().strip(),
                    scope, entry.quota() == null ? Quota.NONE : entry.quota()));
        }
        return planned;
    }

    private void create(Planned entry) {
        Role role = roles.findByNameIgnoreCase(entry.role()).orElseThrow(() -> new IllegalStateException(
                entry.entry() + ": there is no role named " + entry.role()));
        Scope scope = Scope.GLOBAL;
        if (!entry.scope().equalsIgnoreCase("global")) {
            String group = entry.scope().substring("host-group:".length()).strip();
            scope = hostGroupNamed(group);
            if (scope == null) {
                throw new IllegalStateException(entry.entry() + ": there is no top-level host group named " + group);
            }
        }
        Assignment assignment = assignments.save(new Assignment(UUID.randomUUID(), entry.type(), entry.principal(), role,
                scope, entry.quota(), "system", clock.instant()));
        log.info("Initial assignment: {} for {} {} on {}", role.name(), entry.type(), entry.principal(),
                hierarchy.describe(scope).orElse("?"));
        audit.record(new AuditEvent("system", null, Channel.SYSTEM, "assignment.create", "assignment",
                assignment.grant().id().toString(), role.name() + " for " + entry.principal(), AuditEvent.Outcome.SUCCESS,
                "Created at first start from corral.access.initial-assignments on "
                        + hierarchy.describe(scope).orElse("?") + "."));
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
