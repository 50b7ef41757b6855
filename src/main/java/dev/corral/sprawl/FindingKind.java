package dev.corral.sprawl;

import dev.corral.access.Permission;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * What a sprawl finding is about, named in the API as in {@link #code()}, with the actions that
 * resolve it and the permission that ignoring it needs (the one its main action needs).
 */
public enum FindingKind {
    /** A VM on a host that the inventory does not have. */
    UNMANAGED("unmanaged", "Unmanaged VM", Permission.VM_CREATE, EnumSet.of(Resolution.Action.ADOPT)),
    /** A VM in the inventory that its host no longer has. */
    MISSING("missing", "Missing VM", Permission.VM_DELETE, EnumSet.of(Resolution.Action.REMOVE)),
    /** A VM whose lease has ended. */
    LEASE_EXPIRED("expired", "Expired lease", Permission.VM_OWNERSHIP, EnumSet.of(Resolution.Action.EXTEND_LEASE)),
    /** A VM off for long, or running without a heartbeat for long. */
    IDLE("idle", "Idle VM", Permission.VM_DELETE, EnumSet.of(Resolution.Action.DELETE_VM, Resolution.Action.EXTEND_LEASE)),
    /** A VM whose owner the directory no longer has, or has disabled. */
    ORPHANED_OWNER("orphaned-owner", "Orphaned owner", Permission.VM_OWNERSHIP, EnumSet.of(Resolution.Action.REASSIGN)),
    /** A snapshot older than the threshold. */
    OLD_SNAPSHOT("old-snapshot", "Old snapshot", Permission.VM_SNAPSHOT, EnumSet.of(Resolution.Action.DELETE_SNAPSHOT)),
    /** A host whose VMs are given more memory or processors than it has, beyond the ratio. */
    OVERCOMMITTED("overcommitted", "Over-committed host", Permission.HOST_MANAGE, EnumSet.noneOf(Resolution.Action.class));

    private final String code;
    private final String label;
    private final Permission ignorePermission;
    private final Set<Resolution.Action> actions;

    FindingKind(String code, String label, Permission ignorePermission, Set<Resolution.Action> actions) {
        this.code = code;
        this.label = label;
        this.ignorePermission = ignorePermission;
        this.actions = actions;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    /** The label as a counted noun within a sentence: "1 idle VM", "3 unmanaged VMs", "2 old snapshots". */
    public String counted(long count) {
        String noun = Character.toLowerCase(label.charAt(0)) + label.substring(1);
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    /** What ignoring (or re-opening) a finding of this kind needs at its object. */
    public Permission ignorePermission() {
        return ignorePermission;
    }

    /** The actions that resolve a finding of this kind, besides ignoring it. */
    public Set<Resolution.Action> actions() {
        return actions;
    }

    /** Whether the finding is about a host rather than one VM. */
    public boolean aboutHost() {
        return this == OVERCOMMITTED;
    }

    public static Optional<FindingKind> ofCode(String code) {
        return Arrays.stream(values()).filter(k -> k.code.equalsIgnoreCase(code) || k.name().equalsIgnoreCase(code))
                .findFirst();
    }
}
