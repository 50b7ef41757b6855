package dev.corral.access;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Decides one question without touching the database: may this caller do this at this object,
 * given the grants that name the caller or its groups? Grants are inherited down the tree (a
 * grant on a host group covers its hosts and their VMs); No Access anywhere on the way wins over
 * every grant; a role for owned VMs only covers VMs the caller owns.
 */
final class AccessEvaluator {

    private AccessEvaluator() {
    }

    /**
     * @param lineage  the object, then each scope above it up to global (nearest first)
     * @param vmOwner  the owner when the object is a VM, else null
     * @param describe names a scope for people
     */
    static AccessPolicy.Decision decide(Caller caller, Permission permission, List<Scope> lineage, String vmOwner,
            List<Grant> grants, Function<Scope, String> describe) {
        String object = lineage.isEmpty() ? "this object" : describe.apply(lineage.getFirst());
        if (lineage.isEmpty()) {
            return new AccessPolicy.Decision(false, caller.user() + " may not " + permission.code()
                    + " there: it does not exist, or is not within what " + caller.user() + " may see.", List.of());
        }
        List<Grant> applicable = grants.stream()
                .filter(caller::matches)
                .filter(g -> lineage.contains(g.scope()))
                .sorted(Comparator.comparingInt(g -> lineage.indexOf(g.scope())))
                .toList();
        List<Grant> denials = applicable.stream().filter(g -> g.role().deniesAll()).toList();
        if (!denials.isEmpty()) {
            return new AccessPolicy.Decision(false, caller.user() + " may not " + permission.code() + " on " + object
                    + ": denied by role " + denials.getFirst().role().name() + " on " + describe.apply(denials.getFirst().scope())
                    + " " + caller.via(denials.getFirst()) + ", which wins over every grant.", reasons(caller, denials, describe));
        }
        boolean isVm = lineage.getFirst().kind() == Scope.Kind.VM;
        List<Grant> granting = applicable.stream()
                .filter(g -> g.role().permissions().contains(permission))
                .filter(g -> !g.role().ownedVmsOnly() || ownedOnlyCovers(isVm, permission, caller, vmOwner))
                .toList();
        if (!granting.isEmpty()) {
            Grant first = granting.getFirst();
            return new AccessPolicy.Decision(true, caller.user() + " may " + permission.code() + " on " + object
                    + ": allowed by role " + first.role().name() + " on " + describe.apply(first.scope()) + " "
                    + caller.via(first) + ".", reasons(caller, granting, describe));
        }
        return new AccessPolicy.Decision(false, caller.user() + " may not " + permission.code() + " on " + object
                + ": " + missing(caller, permission, isVm, applicable, describe), reasons(caller, applicable, describe));
    }

    /**
     * A role for owned VMs only covers the VMs its holder owns; above a VM it covers only seeing
     * the scope and creating VMs there, never acting on everyone's VMs.
     */
    private static boolean ownedOnlyCovers(boolean isVm, Permission permission, Caller caller, String vmOwner) {
        return isVm ? caller.owns(vmOwner) : permission == Permission.VM_CREATE || permission == Permission.INVENTORY_VIEW;
    }

    private static String missing(Caller caller, Permission permission, boolean isVm, List<Grant> applicable,
            Function<Scope, String> describe) {
        if (applicable.isEmpty()) {
            return "no role is assigned to " + caller.user() + " or their groups on it or above it.";
        }
        Grant nearest = applicable.getFirst();
        if (isVm && nearest.role().ownedVmsOnly() && nearest.role().permissions().contains(permission)) {
            return "role " + nearest.role().name() + " on " + describe.apply(nearest.scope())
                    + " covers only the VMs " + caller.user() + " owns.";
        }
        return "role " + nearest.role().name() + " on " + describe.apply(nearest.scope()) + " " + caller.via(nearest)
                + " does not include " + permission.code() + ".";
    }

    private static List<String> reasons(Caller caller, List<Grant> grants, Function<Scope, String> describe) {
        List<String> lines = new ArrayList<>();
        for (Grant g : grants) {
            lines.add("Role " + g.role().name() + " on " + describe.apply(g.scope()) + " " + caller.via(g)
                    + (g.role().deniesAll() ? " (No Access)" : ""));
        }
        return lines;
    }
}
