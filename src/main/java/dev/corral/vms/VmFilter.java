package dev.corral.vms;

import dev.corral.engine.VmSpec;
import dev.corral.engine.VmState;
import java.util.UUID;

/**
 * What the grid or the API narrows the VM list to; null parts do not filter.
 *
 * @param tag "key" (any value) or "key=value"
 */
public record VmFilter(String text, UUID hostId, UUID hostGroupId, String owner, VmState state,
        VmSpec.GuestOs.Family guestFamily, String tag) {

    public static final VmFilter NONE = new VmFilter(null, null, null, null, null, null, null);

    public VmFilter(String text, UUID hostId, UUID hostGroupId, String owner, VmState state, VmSpec.GuestOs.Family guestFamily) {
        this(text, hostId, hostGroupId, owner, state, guestFamily, null);
    }

    public VmFilter withState(VmState newState) {
        return new VmFilter(text, hostId, hostGroupId, owner, newState, guestFamily, tag);
    }
}
