package dev.corral.vms;

import dev.corral.engine.VmSpec;
import dev.corral.engine.VmState;
import java.util.UUID;

/**
 * Decides, before anything happens, whether a VM may begin running on a host: starting, resuming,
 * restoring from saved state, applying a snapshot taken while it ran, or arriving by migration
 * while running. Implemented outside the VMs
 * feature (Windows licensing rights); a refusal is a {@link dev.corral.base.RuleViolationException}.
 */
public interface PowerOnGuard {

    /**
     * Admits the VM or refuses it. An admission holds its place until the returned action runs,
     * which the VMs feature does once the operation has ended and its result is recorded, so
     * that two operations racing for the last place cannot both be admitted.
     */
    Runnable admit(PowerOn request);

    /** @param currentState the VM's state as last recorded, before the operation */
    record PowerOn(UUID vmId, String vmName, UUID hostId, VmSpec.GuestOs.Family guestFamily, VmState currentState,
            Cause cause) {
    }

    enum Cause {
        START, RESUME, RESTORE, SNAPSHOT_APPLY, MIGRATE_IN;

        public String describe() {
            return switch (this) {
                case START -> "start";
                case RESUME -> "resume";
                case RESTORE -> "restore from saved state";
                case SNAPSHOT_APPLY -> "apply a snapshot taken while running";
                case MIGRATE_IN -> "migrate in while running";
            };
        }
    }
}
