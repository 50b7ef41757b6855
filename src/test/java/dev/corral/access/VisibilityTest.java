package dev.corral.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corral.access.AccessPolicy.Visibility;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The in-memory rule of one visibility: grants, owned-only grants and No Access, for hosts, VMs and host groups. */
class VisibilityTest {

    static final UUID HQ = UUID.randomUUID();
    static final UUID BRANCH = UUID.randomUUID();
    static final UUID HQ_HOST = UUID.randomUUID();
    static final UUID BRANCH_HOST = UUID.randomUUID();
    static final UUID VM = UUID.randomUUID();

    @Test
    void aFullGrantOnAGroupShowsItsHostsAndVmsButNotAVmUnderNoAccess() {
        Visibility v = new Visibility("hugo", false, Set.of(HQ), Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of(),
                Set.of(VM));

        assertThat(v.host(HQ_HOST, HQ)).isTrue();
        assertThat(v.host(BRANCH_HOST, BRANCH)).isFalse();
        assertThat(v.vm(UUID.randomUUID(), HQ_HOST, HQ, "someone")).isTrue();
        assertThat(v.vm(VM, HQ_HOST, HQ, "hugo")).isFalse();
        assertThat(v.hostGroup(HQ, false)).isTrue();
        assertThat(v.everythingUndenied()).isFalse();
        assertThat(v.nowhere()).isFalse();
    }

    @Test
    void anOwnedOnlyGrantShowsTheHostButOnlyTheCallersVms() {
        Visibility v = new Visibility("dev", false, Set.of(), Set.of(), Set.of(), Set.of(BRANCH), Set.of(), Set.of(), Set.of(),
                Set.of());

        assertThat(v.host(BRANCH_HOST, BRANCH)).isTrue();
        assertThat(v.vm(VM, BRANCH_HOST, BRANCH, "DEV")).isTrue();
        assertThat(v.vm(VM, BRANCH_HOST, BRANCH, "branch-ops")).isFalse();
        assertThat(v.vm(VM, null, null, "dev")).as("a VM whose host is gone").isFalse();
        assertThat(v.hostGroup(BRANCH, false)).isFalse();
        assertThat(v.hostGroup(BRANCH, true)).isTrue();
    }

    @Test
    void noAccessOnAHostGroupWinsOverAGlobalGrant() {
        Visibility v = new Visibility("ada", true, Set.of(HQ, BRANCH), Set.of(), Set.of(), Set.of(), Set.of(), Set.of(BRANCH),
                Set.of(), Set.of());

        assertThat(v.host(HQ_HOST, HQ)).isTrue();
        assertThat(v.host(BRANCH_HOST, BRANCH)).isFalse();
        assertThat(v.vm(VM, BRANCH_HOST, BRANCH, "ada")).isFalse();
        assertThat(v.everythingUndenied()).isFalse();
        assertThat(new Visibility("x", false, Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of())
                .nowhere()).isTrue();
    }
}
