package dev.corral.licensing;

import dev.corral.vms.PowerOnGuard;
import java.util.ArrayList;
import java.util.List;

/**
 * The sentences licensing answers with: what a host's edition allows, who uses its rights, and
 * what the user can do about it. The VMs named are those the caller may see; others are counted.
 */
final class RightsMessage {

    private static final int NAMED = 10;

    private RightsMessage() {
    }

    /**
     * "br-hv01 runs Windows Server 2008 Standard, which allows 1 running Windows VM; br-file01 uses it.
     * Shut it down or save its state first, or start br-print01 on a host with free rights."
     */
    static String refusal(String hostName, Edition edition, Rights rights, List<String> seenUsers, int unseenUsers,
            String vmName, PowerOnGuard.Cause cause) {
        int users = seenUsers.size() + unseenUsers;
        return allowance(hostName, edition, rights) + "; " + users(seenUsers, unseenUsers) + (users == 1 ? " uses " : " use ")
                + (rights.allowed() != null && rights.allowed() == 1 ? "it" : "them") + ". "
                + (users == 1 ? "Shut it down" : "Shut one of them down") + " or save its state first, " + alternative(vmName, cause);
    }

    /** "br-hv01 runs Windows Server 2022 Standard with 2 licences, which allow 4 running Windows VMs". */
    static String allowance(String hostName, Edition edition, Rights rights) {
        boolean counted = rights.stackable() && !rights.unlimited();
        String licences = counted ? " with " + rights.licences() + " licence" + (rights.licences() == 1 ? "" : "s") : "";
        String verb = counted && rights.licences() > 1 ? "allow" : "allows";
        return hostName + " runs " + edition.name() + licences + ", which " + verb + " " + rights.describe();
    }

    /** What a history entry says, naming no VM but the one acted on: its details are shown to whoever sees the host. */
    static String summary(String hostName, Edition edition, Rights rights, int usersBefore, PowerOnGuard.Cause cause,
            boolean refused) {
        String what = operation(cause) + (refused ? " refused: " : " allowed in audit mode: ");
        return what + allowance(hostName, edition, rights) + ", and " + usersBefore + " " + (usersBefore == 1 ? "was" : "were")
                + " running" + (refused ? "." : "; now " + (usersBefore + 1) + ".");
    }

    /** "Start", "Resume", "Restore from saved state", "Quick migration". */
    static String operation(PowerOnGuard.Cause cause) {
        return switch (cause) {
            case START -> "Start";
            case RESUME -> "Resume";
            case RESTORE -> "Restore from saved state";
            case SNAPSHOT_APPLY -> "Applying a snapshot taken while running";
            case MIGRATE_IN -> "Quick migration";
        };
    }

    /** "br-file01", "br-app02 and br-sandbox", "dc01, sql01 and 2 VMs you may not see". */
    static String users(List<String> seen, int unseen) {
        List<String> parts = new ArrayList<>(seen.subList(0, Math.min(NAMED, seen.size())));
        int others = unseen + Math.max(0, seen.size() - NAMED);
        if (others > 0) {
            String noun = others == 1 ? "VM" : "VMs";
            parts.add(others + " " + (seen.size() > NAMED ? "more " + noun : noun + " you may not see"));
        }
        if (parts.size() == 1) {
            return parts.getFirst();
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.getLast();
    }

    private static String alternative(String vmName, PowerOnGuard.Cause cause) {
        return switch (cause) {
            case START -> "or start " + vmName + " on a host with free rights.";
            case RESUME, RESTORE -> "or move " + vmName + " to a host with free rights and start it there.";
            case MIGRATE_IN -> "or migrate " + vmName + " to a host with free rights.";
            case SNAPSHOT_APPLY -> "or apply a snapshot of " + vmName + " taken while it was off.";
        };
    }
}
