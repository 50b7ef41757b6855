package dev.corral.vms;

import dev.corral.access.Permission;
import dev.corral.engine.Capability;
import java.util.Arrays;
import java.util.Optional;

/** The power operations on a VM, with the permission each needs and the capability the host must have. */
public enum VmAction {
    START("start", "Start", Permission.VM_POWER, null),
    SHUTDOWN("shutdown", "Shut down", Permission.VM_POWER, Capability.GRACEFUL_SHUTDOWN),
    TURN_OFF("turn-off", "Turn off", Permission.VM_POWER, null),
    RESET("reset", "Reset", Permission.VM_POWER, Capability.RESET),
    PAUSE("pause", "Pause", Permission.VM_POWER, Capability.PAUSE),
    RESUME("resume", "Resume", Permission.VM_POWER, Capability.PAUSE),
    SAVE("save", "Save state", Permission.VM_POWER, Capability.SAVE_STATE);

    private final String code;
    private final String label;
    private final Permission permission;
    private final Capability capability;

    VmAction(String code, String label, Permission permission, Capability capability) {
        this.code = code;
        this.label = label;
        this.permission = permission;
        this.capability = capability;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public Permission permission() {
        return permission;
    }

    public Optional<Capability> capability() {
        return Optional.ofNullable(capability);
    }

    public static Optional<VmAction> ofCode(String code) {
        return Arrays.stream(values()).filter(a -> a.code.equals(code)).findFirst();
    }
}
