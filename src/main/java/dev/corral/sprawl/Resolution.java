package dev.corral.sprawl;

import dev.corral.vms.VmLease;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;

/**
 * What to do about a finding, as the API and the view ask it.
 *
 * @param owner        adopt: the VM's owner (blank: the caller); reassign: the new owner
 * @param purpose      adopt: what the VM is for
 * @param leaseExpires adopt (optional) and extend-lease: the lease's new last day
 * @param leaseAction  with a lease: what happens when it ends
 * @param note         ignore: why, for the record
 */
public record Resolution(Action action, String owner, String purpose, LocalDate leaseExpires, VmLease.Action leaseAction,
        String note) {

    public static Resolution of(Action action) {
        return new Resolution(action, null, null, null, null, null);
    }

    /** The actions, named in the API as in {@link #code()}. */
    public enum Action {
        ADOPT("adopt", "Adopt"),
        IGNORE("ignore", "Ignore"),
        REOPEN("reopen", "Re-open"),
        REMOVE("remove", "Remove from inventory"),
        EXTEND_LEASE("extend-lease", "Extend lease"),
        DELETE_VM("delete", "Delete VM"),
        DELETE_SNAPSHOT("delete-snapshot", "Delete snapshot"),
        REASSIGN("reassign", "Reassign owner");

        private final String code;
        private final String label;

        Action(String code, String label) {
            this.code = code;
            this.label = label;
        }

        public String code() {
            return code;
        }

        public String label() {
            return label;
        }

        /** By code; "delete" also for a snapshot's finding, "keep" for ignore. */
        public static Optional<Action> ofCode(String code) {
            if (code == null) {
                return Optional.empty();
            }
            String c = code.strip();
            if (c.equalsIgnoreCase("keep")) {
                return Optional.of(IGNORE);
            }
            return Arrays.stream(values()).filter(a -> a.code.equalsIgnoreCase(c) || a.name().equalsIgnoreCase(c)).findFirst();
        }
    }
}
