package dev.corral.vms;

import java.time.LocalDate;
import java.util.Objects;

/** How long a VM is meant to exist: the day its lease ends, and what Corral does then. */
public record VmLease(LocalDate expires, Action action) {

    public VmLease {
        Objects.requireNonNull(expires);
        action = action == null ? Action.NOTIFY : action;
    }

    public enum Action {
        /** Tell the owner; leave the VM as it is. */
        NOTIFY("Notify the owner"),
        /** Shut the VM down (the guest is asked first). */
        SHUT_DOWN("Shut it down"),
        /** Save its state, freeing the host's memory. */
        SAVE("Save its state");

        private final String label;

        Action(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
