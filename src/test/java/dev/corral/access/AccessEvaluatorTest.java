package dev.corral.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The evaluation matrix: a small tree (Branch with two hosts, HQ with one) and the built-in
 * roles, asked permission by permission.
 */
class AccessEvaluatorTest {

    static final Scope BRANCH = Scope.hostGroup(UUID.randomUUID());
    static final Scope HQ = Scope.hostGroup(UUID.randomUUID());
    static final Scope BR_HV01 = Scope.host(UUID.randomUUID());
    static final Scope BR_HV02 = Scope.host(UUID.randomUUID());
    static final Scope HQ_HV01 = Scope.host(UUID.randomUUID());
    static final Scope BR_APP = Scope.vm(UUID.randomUUID());
    static final Scope BR_FILE = Scope.vm(UUID.randomUUID());
    static final Scope HQ_SQL = Scope.vm(UUID.randomUUID());

    static final RoleView ADMIN = role("Administrator", false, false, EnumSet.allOf(Permission.class));
    static final RoleView DELEGATED = role("Delegated Administrator", false, false,
            EnumSet.complementOf(EnumSet.of(Permission.LICENSING_MANAGE, Permission.AUDIT_VIEW)));
    static final RoleView OPERATOR = role("VM Operator", false, false,
            EnumSet.of(Permission.INVENTORY_VIEW, Permission.VM_POWER, Permission.VM_CONSOLE, Permission.VM_SNAPSHOT));
    static final RoleView SELF_SERVICE = role("Self-Service User", false, true,
            EnumSet.of(Permission.INVENTORY_VIEW, Permission.VM_CREATE, Permission.VM_DELETE, Permission.VM_POWER));
    static final RoleView AUDITOR = role("Auditor", false, false,
            EnumSet.of(Permission.INVENTORY_VIEW, Permission.AUDIT_VIEW, Permission.REPORTS_VIEW));
    static final RoleView NO_ACCESS = role("No Access", true, false, EnumSet.noneOf(Permission.class));

    private final List<Grant> grants = new ArrayList<>();

    static List<Scope> lineage(Scope object) {
        if (object.equals(BR_APP) || object.equals(BR_FILE)) {
            return List.of(object, object.equals(BR_APP) ? BR_HV02 : BR_HV01, BRANCH, Scope.GLOBAL);
        }
        if (object.equals(HQ_SQL)) {
            return List.of(object, HQ_HV01, HQ, Scope.GLOBAL);
        }
        if (object.equals(BR_HV01) || object.equals(BR_HV02)) {
            return List.of(object, BRANCH, Scope.GLOBAL);
        }
        if (object.equals(HQ_HV01)) {
            return List.of(object, HQ, Scope.GLOBAL);
        }
        return object.kind() == Scope.Kind.GLOBAL ? List.of(Scope.GLOBAL) : List.of(object, Scope.GLOBAL);
    }

    AccessPolicy.Decision decide(Caller caller, Permission permission, Scope object, String owner) {
        return AccessEvaluator.decide(caller, permission, lineage(object), owner, grants, s -> name(s));
    }

    boolean allowed(Caller caller, Permission permission, Scope object) {
        return decide(caller, permission, object, "someone-else").allowed();
    }

    // ---- inheritance and groups

    @Test
    void aGrantOnAHostGroupCoversItsHostsAndTheirVmsOnly() {
        grant(PrincipalType.GROUP, "branch-operators", OPERATOR, BRANCH);
        Caller ops = caller("branch-ops", "branch-operators", "operators");

        assertThat(allowed(ops, Permission.VM_POWER, BR_APP)).isTrue();
        assertThat(allowed(ops, Permission.VM_POWER, BR_HV01)).isTrue();
        assertThat(allowed(ops, Permission.VM_POWER, BRANCH)).isTrue();
        assertThat(allowed(ops, Permission.VM_POWER, HQ_SQL)).isFalse();
        assertThat(allowed(ops, Permission.VM_POWER, Scope.GLOBAL)).as("a grant does not flow upwards").isFalse();
    }

    @Test
    void aGrantToANestedGroupReachesItsMembers() {
        grant(PrincipalType.GROUP, "operators", OPERATOR, BRANCH);

        assertThat(allowed(caller("branch-ops", "branch-operators", "operators"), Permission.VM_CONSOLE, BR_FILE)).isTrue();
        assertThat(allowed(caller("dev", "developers"), Permission.VM_CONSOLE, BR_FILE)).isFalse();
    }

    @Test
    void aGrantToAUserReachesThatUserWhateverTheCase() {
        grant(PrincipalType.USER, "Dev", OPERATOR, BR_HV02);

        assertThat(allowed(caller("dev"), Permission.VM_POWER, BR_APP)).isTrue();
        assertThat(allowed(caller("dev"), Permission.VM_POWER, BR_FILE)).isFalse();
    }

    @Test
    void aRoleGrantsOnlyItsPermissionsAndSaysWhichIsMissing() {
        grant(PrincipalType.GROUP, "branch-operators", OPERATOR, BRANCH);

        AccessPolicy.Decision delete = decide(caller("branch-ops", "branch-operators"), Permission.VM_DELETE, BR_APP, null);

        assertThat(delete.allowed()).isFalse();
        assertThat(delete.summary()).contains("role VM Operator on host group Branch via group branch-operators")
                .contains("does not include vm.delete");
    }

    @Test
    void anAllowedDecisionNamesTheRoleTheScopeAndTheGroup() {
        grant(PrincipalType.GROUP, "branch-operators", OPERATOR, BRANCH);

        AccessPolicy.Decision start = decide(caller("branch-ops", "branch-operators"), Permission.VM_POWER, BR_APP, null);

        assertThat(start.summary()).isEqualTo("branch-ops may vm.power on VM br-app: allowed by role VM Operator on "
                + "host group Branch via group branch-operators.");
        assertThat(start.because()).containsExactly("Role VM Operator on host group Branch via group branch-operators");
    }

    @Test
    void nobodyWithoutAnAssignmentMayDoAnything() {
        AccessPolicy.Decision decision = decide(caller("stranger", "nobodies"), Permission.INVENTORY_VIEW, BR_APP, null);

        assertThat(decision.allowed()).isFalse();
        assertThat(decision.summary()).contains("no role is assigned to stranger or their groups");
    }

    @Test
    void aMissingObjectIsNeverAllowed() {
        grant(PrincipalType.GROUP, "corral-admins", ADMIN, Scope.GLOBAL);

        assertThat(AccessEvaluator.decide(caller("admin", "corral-admins"), Permission.VM_POWER, List.of(), null, grants,
                s -> "x").allowed()).isFalse();
    }

    // ---- No Access

    @Test
    void noAccessBelowAGrantWinsThere() {
        grant(PrincipalType.GROUP, "branch-operators", OPERATOR, BRANCH);
        grant(PrincipalType.USER, "branch-ops", NO_ACCESS, BR_HV01);
        Caller ops = caller("branch-ops", "branch-operators");

        AccessPolicy.Decision denied = decide(ops, Permission.VM_POWER, BR_FILE, null);
        assertThat(denied.allowed()).isFalse();
        assertThat(denied.summary()).contains("denied by role No Access on host br-hv01 as user branch-ops");
        assertThat(allowed(ops, Permission.VM_POWER, BR_APP)).as("the other host is unaffected").isTrue();
    }

    @Test
    void noAccessAboveAGrantWinsToo() {
        grant(PrincipalType.USER, "hq-admin", ADMIN, HQ_HV01);
        grant(PrincipalType.GROUP, "contractors", NO_ACCESS, HQ);

        assertThat(allowed(caller("hq-admin", "contractors"), Permission.INVENTORY_VIEW, HQ_SQL)).isFalse();
        assertThat(allowed(caller("hq-admin"), Permission.INVENTORY_VIEW, HQ_SQL)).isTrue();
    }

    // ---- self-service: owned VMs only

    @Test
    void aSelfServiceUserManagesOnlyTheVmsTheyOwn() {
        grant(PrincipalType.GROUP, "developers", SELF_SERVICE, BRANCH);
        Caller dev = caller("dev", "developers");

        assertThat(decide(dev, Permission.VM_POWER, BR_APP, "dev").allowed()).isTrue();
        assertThat(decide(dev, Permission.VM_POWER, BR_APP, "DEV").allowed()).isTrue();
        AccessPolicy.Decision others = decide(dev, Permission.VM_DELETE, BR_FILE, "branch-ops");
        assertThat(others.allowed()).isFalse();
        assertThat(others.summary()).contains("covers only the VMs dev owns");
        assertThat(decide(dev, Permission.VM_CREATE, BR_HV02, null).allowed()).as("creating on a host in scope").isTrue();
        assertThat(decide(dev, Permission.VM_CREATE, HQ_HV01, null).allowed()).isFalse();
        assertThat(decide(dev, Permission.VM_POWER, BRANCH, null).allowed())
                .as("above a VM, an owned-only role covers seeing and creating, not acting on everyone's VMs").isFalse();
        assertThat(decide(dev, Permission.INVENTORY_VIEW, BRANCH, null).allowed()).isTrue();
    }

    // ---- delegation

    @Test
    void aDelegatedAdministratorDelegatesOnlyWhatTheyHoldWhereTheyHoldIt() {
        grant(PrincipalType.GROUP, "hq-admins", DELEGATED, HQ);
        Caller hqAdmin = caller("hq-admin", "hq-admins");

        assertThat(allowed(hqAdmin, Permission.ACCESS_MANAGE, HQ_HV01)).isTrue();
        assertThat(allowed(hqAdmin, Permission.ACCESS_MANAGE, BRANCH)).as("outside their scope").isFalse();
        assertThat(AssignmentService.undelegable(OPERATOR, p -> allowed(hqAdmin, p, HQ))).isEmpty();
        assertThat(AssignmentService.undelegable(ADMIN, p -> allowed(hqAdmin, p, HQ)))
                .containsExactly("audit.view", "licensing.manage");
        assertThat(AssignmentService.undelegable(OPERATOR, p -> allowed(hqAdmin, p, BRANCH))).isNotEmpty();
        assertThat(AssignmentService.undelegable(NO_ACCESS, p -> allowed(hqAdmin, p, HQ)))
                .as("No Access takes rights away, it grants none").isEmpty();
    }

    @Test
    void anAuditorSeesAndReadsTheTrailButChangesNothing() {
        grant(PrincipalType.GROUP, "auditors", AUDITOR, Scope.GLOBAL);
        Caller auditor = caller("auditor", "auditors");

        assertThat(allowed(auditor, Permission.INVENTORY_VIEW, HQ_SQL)).isTrue();
        assertThat(allowed(auditor, Permission.AUDIT_VIEW, Scope.GLOBAL)).isTrue();
        for (Permission change : EnumSet.complementOf(EnumSet.of(Permission.INVENTORY_VIEW, Permission.AUDIT_VIEW,
                Permission.REPORTS_VIEW))) {
            assertThat(allowed(auditor, change, BR_APP)).as(change.code()).isFalse();
        }
    }

    // ---- quotas

    @Test
    void quotasAddWhatIsUsedToWhatIsAsked() {
        Quota quota = new Quota(3, 8, 16384L, 200L);

        assertThat(QuotaGuard.QuotaMath.exceeded(quota, new QuotaUsage.Usage(2, 4, 8192, 100),
                new QuotaUsage.Usage(1, 4, 8192, 100))).isEmpty();
        assertThat(QuotaGuard.QuotaMath.exceeded(quota, new QuotaUsage.Usage(3, 4, 8192, 100),
                new QuotaUsage.Usage(1, 1, 1024, 10))).containsExactly("VMs: 3 allowed, 3 in use, 1 asked");
        assertThat(QuotaGuard.QuotaMath.exceeded(quota, QuotaUsage.Usage.NONE, new QuotaUsage.Usage(1, 16, 32768, 10)))
                .containsExactly("virtual processors: 8 allowed, 0 in use, 16 asked",
                        "memory: 16384 MiB allowed, 0 MiB in use, 32768 MiB asked");
    }

    @Test
    void theMostGenerousQuotaAppliesAndUnlimitedWins() {
        Quota merged = QuotaGuard.QuotaMath.mostGenerous(List.of(new Quota(3, 8, 1024L, null), new Quota(5, 4, 2048L, 10L)));

        assertThat(merged).isEqualTo(new Quota(5, 8, 2048L, null));
    }

    // ---- helpers

    private void grant(PrincipalType type, String principal, RoleView role, Scope scope) {
        grants.add(new Grant(UUID.randomUUID(), type, principal, role, scope, Quota.NONE, "test", Instant.EPOCH));
    }

    static Caller caller(String user, String... groups) {
        return new Caller(user, Set.of(groups));
    }

    static RoleView role(String name, boolean deniesAll, boolean ownedOnly, Set<Permission> permissions) {
        return new RoleView(UUID.randomUUID(), name, null, true, deniesAll, ownedOnly, permissions);
    }

    static String name(Scope scope) {
        if (scope.equals(BRANCH)) {
            return "host group Branch";
        }
        if (scope.equals(HQ)) {
            return "host group HQ";
        }
        if (scope.equals(BR_HV01)) {
            return "host br-hv01";
        }
        if (scope.equals(BR_HV02)) {
            return "host br-hv02";
        }
        if (scope.equals(HQ_HV01)) {
            return "host hq-hv01";
        }
        if (scope.equals(BR_APP)) {
            return "VM br-app";
        }
        if (scope.equals(BR_FILE)) {
            return "VM br-file";
        }
        if (scope.equals(HQ_SQL)) {
            return "VM hq-sql";
        }
        return "everything";
    }
}
