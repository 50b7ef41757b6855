package dev.corral.access;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Predicate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The one place that decides whether the signed-in caller may do something somewhere. Every
 * feature service asks it before acting; views and controllers only ask it to hide or disable
 * what would be refused anyway.
 */
public interface AccessPolicy {

    /** Refuses, and records the refusal in the audit trail, unless the caller holds the permission at the object. */
    void require(Permission permission, Scope object);

    /** Whether the caller holds the permission at the object; records nothing. */
    boolean allows(Permission permission, Scope object);

    /**
     * For something granted earlier that lasts (an open console): why {@code user} may no longer
     * do it now, read afresh from the directory (groups, disabled or locked) and the assignments;
     * empty while still allowed. Records nothing; throws {@link
     * dev.corral.base.ServiceUnavailableException} when the directory cannot be asked.
     */
    java.util.Optional<String> revoked(String user, Permission permission, Scope object);

    /** Why a principal may or may not do something: the deciding assignments and the group chain. */
    Decision explain(String principal, Permission permission, Scope object);

    /**
     * The host groups, hosts and VMs where the caller holds the permission, for filtering lists
     * in the database; {@link Visibility#everything()} when it is held globally.
     */
    Visibility visibility(Permission permission);

    /**
     * Refuses, and records the refusal in the audit trail under {@code action}, unless the caller
     * holds the permission at some scope: for things that have no one object, such as an export,
     * whose rows are then limited by {@link #visibility(Permission)}.
     */
    Visibility requireSomewhere(Permission permission, String action);

    record Decision(boolean allowed, String summary, java.util.List<String> because) {
    }

    /**
     * Scopes under which objects are visible; deny lists win (No Access). Under the owned-only
     * scopes, only VMs owned by {@code user} are.
     */
    record Visibility(String user, boolean everything, Set<UUID> hostGroups, Set<UUID> hosts, Set<UUID> vms,
            Set<UUID> ownedOnlyHostGroups, Set<UUID> ownedOnlyHosts,
            Set<UUID> deniedHostGroups, Set<UUID> deniedHosts, Set<UUID> deniedVms) {

        /** Whether the permission is held at no scope at all. */
        public boolean nowhere() {
            return !everything && hostGroups.isEmpty() && hosts.isEmpty() && vms.isEmpty() && ownedOnlyHostGroups.isEmpty()
                    && ownedOnlyHosts.isEmpty();
        }

        /** Whether everything is visible, with No Access nowhere. */
        public boolean everythingUndenied() {
            return everything && deniedHostGroups.isEmpty() && deniedHosts.isEmpty() && deniedVms.isEmpty();
        }

        /**
         * Whether a grant covers the host group itself, not only something in it (the grants' host
         * groups include those below each granted one), and no No Access does.
         *
         * @param ownedCounts whether an owned-only grant counts (it shows the group's hosts, but only some VMs)
         */
        public boolean hostGroup(UUID groupId, boolean ownedCounts) {
            boolean granted = everything || hostGroups.contains(groupId) || ownedCounts && ownedOnlyHostGroups.contains(groupId);
            return granted && !deniedHostGroups.contains(groupId);
        }

        /** Whether a host (in the host group {@code hostGroupId}) is visible: under a grant, and under no No Access. */
        public boolean host(UUID hostId, UUID hostGroupId) {
            boolean granted = everything || on(hostId, hostGroupId, hostGroups, hosts)
                    || on(hostId, hostGroupId, ownedOnlyHostGroups, ownedOnlyHosts);
            return granted && !on(hostId, hostGroupId, deniedHostGroups, deniedHosts);
        }

        /**
         * Whether a VM is visible, by the rule of the VM list: under a full grant on its host or host
         * group, granted by itself, or owned by the caller under an owned-only grant; never under No
         * Access. {@code hostId} is null when its host is no longer registered: then only a grant of
         * the VM itself shows it.
         */
        public boolean vm(UUID vmId, UUID hostId, UUID hostGroupId, String owner) {
            if (deniedVms.contains(vmId) || hostId != null && on(hostId, hostGroupId, deniedHostGroups, deniedHosts)) {
                return false;
            }
            if (everything || vms.contains(vmId)) {
                return true;
            }
            if (hostId == null) {
                return false;
            }
            return on(hostId, hostGroupId, hostGroups, hosts) || on(hostId, hostGroupId, ownedOnlyHostGroups, ownedOnlyHosts)
                    && owner != null && owner.equalsIgnoreCase(user);
        }

        /**
         * The same rule as {@link #vm}, as a predicate for a criteria query over objects that sit on a
         * host and may belong to a VM and an owner (VMs, findings, adapters).
         *
         * @param vmId the object's VM id column, or null when it has none
         * @param hostGroupOf every registered host's host group
         */
        public Predicate predicate(CriteriaBuilder cb, Expression<UUID> vmId, Expression<UUID> hostId,
                Expression<String> owner, Map<UUID, UUID> hostGroupOf) {
            List<Predicate> allowed = new ArrayList<>();
            if (everything) {
                allowed.add(cb.conjunction());
            }
            Set<UUID> granted = hostsUnder(hostGroupOf, hostGroups, hosts);
            if (!granted.isEmpty()) {
                allowed.add(hostId.in(granted));
            }
            if (vmId != null && !vms.isEmpty()) {
                allowed.add(vmId.in(vms));
            }
            Set<UUID> owned = hostsUnder(hostGroupOf, ownedOnlyHostGroups, ownedOnlyHosts);
            if (!owned.isEmpty()) {
                allowed.add(cb.and(hostId.in(owned), cb.equal(cb.lower(owner), user.toLowerCase(Locale.ROOT))));
            }
            Predicate any = allowed.isEmpty() ? cb.disjunction() : cb.or(allowed.toArray(Predicate[]::new));
            List<Predicate> denied = new ArrayList<>();
            Set<UUID> deniedOn = hostsUnder(hostGroupOf, deniedHostGroups, deniedHosts);
            if (!deniedOn.isEmpty()) {
                denied.add(hostId.in(deniedOn));
            }
            if (vmId != null && !deniedVms.isEmpty()) {
                denied.add(vmId.in(deniedVms));
            }
            return denied.isEmpty() ? any : cb.and(any, cb.not(cb.or(denied.toArray(Predicate[]::new))));
        }

        private static Set<UUID> hostsUnder(Map<UUID, UUID> hostGroupOf, Set<UUID> groups, Set<UUID> named) {
            Set<UUID> found = new HashSet<>(named);
            hostGroupOf.forEach((host, group) -> {
                if (groups.contains(group)) {
                    found.add(host);
                }
            });
            return found;
        }

        private static boolean on(UUID hostId, UUID hostGroupId, Set<UUID> groups, Set<UUID> hostIds) {
            return hostGroupId != null && groups.contains(hostGroupId) || hostIds.contains(hostId);
        }
    }
}
