package dev.corral.vms;

import dev.corral.engine.VmState;
import java.util.EnumSet;
import java.util.Set;

/** Which states allow which power operation, for disabling buttons with the reason before asking the host. */
final class VmPowerRules {

    private VmPowerRules() {
    }

    static String whyNot(VmAction action, VmState state) {
        Set<VmState> allowed = switch (action) {
            case START -> EnumSet.of(VmState.OFF, VmState.SAVED);
            case SHUTDOWN, RESET, PAUSE -> EnumSet.of(VmState.RUNNING);
            case TURN_OFF, SAVE -> EnumSet.of(VmState.RUNNING, VmState.PAUSED);
            case RESUME -> EnumSet.of(VmState.PAUSED);
        };
        return allowed.contains(state) ? null
                : "The VM is " + state.name().toLowerCase() + "; " + action.label().toLowerCase() + " needs it "
                        + String.join(" or ", allowed.stream().map(s -> s.name().toLowerCase()).toList()) + ".";
    }
}
