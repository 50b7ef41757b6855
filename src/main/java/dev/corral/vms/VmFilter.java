package dev.corral.vms;

import dev.corral.engine.VmSpec;
import dev.corral.engine.VmState;
import java.util.UUID;

/** What the grid or the API narrows the VM list to; null parts do not filter. */
public record VmFilter(String text, UUID hostId, UUID hostGroupId, String owner, VmState state,
        VmSpec.GuestOs.Family guestFamily) {

    public static final VmFilter NONE = new VmFilter(null, null, null, null, null, null);
}
