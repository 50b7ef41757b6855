package dev.corral.engine;

/** A VM's power state, as Hyper-V Manager names them; UNKNOWN when its host cannot be asked. */
public enum VmState {
    OFF, STARTING, RUNNING, PAUSED, SAVING, SAVED, STOPPING, UNKNOWN;

    /** Whether the VM holds host memory in this state. */
    public boolean usesMemory() {
        return this == STARTING || this == RUNNING || this == PAUSED || this == SAVING || this == STOPPING;
    }

    /** Whether an operation is under way, so another must wait. */
    public boolean isTransitional() {
        return this == STARTING || this == SAVING || this == STOPPING;
    }
}
