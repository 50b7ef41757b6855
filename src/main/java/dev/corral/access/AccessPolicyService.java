package dev.corral.access;

import dev.corral.access.audit.AuditEvent;
import dev.corral.access.audit.AuditTrail;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** The access policy: the caller's grants, evaluated along the object's lineage; refusals audited. */
@Service
class AccessPolicyService implements AccessPolicy {

    private final AssignmentRepository assignments;
    private final ScopeHierarchy hierarchy;
    private final AuditTrail audit;
    private final PrincipalDirectory directory;

    AccessPolicyService(AssignmentRepository assignments, ScopeHierarchy hierarchy, AuditTrail audit,
            PrincipalDirectory directory) {
        this.assignments = assignments;
        this.hierarchy = hierarchy;
        this.audit = audit;
        this.directory = directory;
    }

    @Override
    public void require(Permission permission, Scope object) {
        Caller caller = CurrentCaller.get();
        Decision decision = decide(caller, permission, object);
        if (!decision.allowed()) {
            audit.record(new AuditEvent(caller.user(), CurrentCaller.sourceAddress(), CurrentCaller.channel(),
                    permission.code(), object.kind().name().toLowerCase(), object.id() == null ? null : object.id().toString(),
                    hierarchy.describe(object).orElse(null), AuditEvent.Outcome.REFUSED, decision.summary()));
            if (hidden(caller, permission, object)) {
                // Hidden means hidden: a refusal about an object the caller may not see neither names nor confirms it.
                throw new HiddenObjectException(object);
            }
            throw new NotPermittedException(permission, object, decision.summary());
        }
    }

    private boolean hidden(Caller caller, Permission permission, Scope object) {
        return object.kind() != Scope.Kind.GLOBAL
                && (permission == Permission.INVENTORY_VIEW || !decide(caller, Permission.INVENTORY_VIEW, object).allowed());
    }

    @Override
    public boolean allows(Permission permission, Scope object) {
        return decide(CurrentCaller.get(), permission, object).allowed();
    }

    @Override
    public java.util.Optional<String> revoked(String user, Permission permission, Scope object) {
        java.util.Optional<PrincipalDirectory.Account> account = directory.accountOf(user);
        if (account.isEmpty()) {
            return java.util.Optional.of(user + " is no longer in the directory.");
        }
        if (!account.get().maySignIn()) {
            return java.util.Optional.of("The account " + user + " is disabled or locked.");
        }
        Decision decision = decide(new Caller(user, account.get().groups()), permission, object);
        return decision.allowed() ? java.util.Optional.empty() : java.util.Optional.of(decision.summary());
    }

    @Override
    public Decision explain(String principal, Permission permission, Scope object) {
        Caller asker = CurrentCaller.get();
        boolean self = principal.equalsIgnoreCase(asker.user());
        boolean oversees = decide(asker, Permission.ACCESS_MANAGE, object).allowed()
                || decide(asker, Permission.AUDIT_VIEW, Scope.GLOBAL).allowed();
        if (!oversees) {
            // Anyone may ask about themselves, but only on what they may see: no names of hidden objects.
            require(self ? Permission.INVENTORY_VIEW : Permission.ACCESS_MANAGE, object);
        }
        Caller subject = self ? asker : new Caller(principal, directory.groupsOf(principal).orElse(java.util.Set.of()));
        return decide(subject, permission, object);
    }

    Decision decide(Caller caller, Permission permission, Scope object) {
        List<Scope> lineage = hierarchy.lineage(object);
        String owner = object.kind() == Scope.Kind.VM ? hierarchy.ownerOf(object.id()).orElse(null) : null;
        return AccessEvaluator.decide(caller, permission, lineage, owner, grantsOf(caller),
                scope -> hierarchy.describe(scope).orElse("a removed object"));
    }

    List<Grant> grantsOf(Caller caller) {
        Set<String> keys = new HashSet<>(caller.groupKeys());
        keys.add(Assignment.key(caller.user()));
        return assignments.findByPrincipalKeyIn(keys).stream().map(Assignment::grant).filter(caller::matches).toList();
    }

    @Override
    public Visibility visibility(Permission permission) {
        Caller caller = CurrentCaller.get();
        List<Grant> grants = grantsOf(caller);
        if (grants.stream().anyMatch(g -> g.role().deniesAll() && g.scope().kind() == Scope.Kind.GLOBAL)) {
            return new Visibility(caller.user(), false, Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of(),
                    Set.of(), Set.of());
        }
        ScopeSets granted = new ScopeSets();
        ScopeSets ownedOnly = new ScopeSets();
        ScopeSets denied = new ScopeSets();
        boolean everything = false;
        for (Grant grant : grants) {
            boolean deny = grant.role().deniesAll();
            if (!deny && !grant.role().permissions().contains(permission)) {
                continue;
            }
            boolean owned = !deny && grant.role().ownedVmsOnly();
            if (grant.scope().kind() == Scope.Kind.GLOBAL && !deny && !owned) {
                everything = true;
            }
            (deny ? denied : owned ? ownedOnly : granted).add(grant.scope(), hierarchy);
        }
        return new Visibility(caller.user(), everything, granted.groups, granted.hosts, granted.vms,
                ownedOnly.groups, ownedOnly.hosts, denied.groups, denied.hosts, denied.vms);
    }

    @Override
    public Visibility requireSomewhere(Permission permission, String action) {
        Visibility visibility = visibility(permission);
        if (visibility.nowhere()) {
            Caller caller = CurrentCaller.get();
            String why = caller.user() + " may not " + permission.description() + ": no role of " + caller.user()
                    + " includes " + permission.code() + " at any scope.";
            audit.record(new AuditEvent(caller.user(), CurrentCaller.sourceAddress(), CurrentCaller.channel(), action, null,
                    null, null, AuditEvent.Outcome.REFUSED, why));
            throw new NotPermittedException(permission, Scope.GLOBAL, why);
        }
        return visibility;
    }

    /** Host groups (with everything below them), hosts and VMs named by grants. */
    private static final class ScopeSets {
        final Set<UUID> groups = new HashSet<>();
        final Set<UUID> hosts = new HashSet<>();
        final Set<UUID> vms = new HashSet<>();

        void add(Scope scope, ScopeHierarchy hierarchy) {
            switch (scope.kind()) {
                case GLOBAL -> groups.addAll(hierarchy.allGroups());
                case HOST_GROUP -> groups.addAll(hierarchy.groupAndDescendants(scope.id()));
                case HOST -> hosts.add(scope.id());
                case VM -> vms.add(scope.id());
            }
        }
    }
}
