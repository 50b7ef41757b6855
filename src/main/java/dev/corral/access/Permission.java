package dev.corral.access;

import java.util.Arrays;
import java.util.Optional;

/** One action a role may grant, named as in the API and the audit trail. */
public enum Permission {
    INVENTORY_VIEW("inventory.view", "see hosts, VMs and switches"),
    VM_POWER("vm.power", "start, stop, pause, save and reset VMs"),
    VM_CREATE("vm.create", "create VMs"),
    VM_DELETE("vm.delete", "delete VMs"),
    VM_CONFIGURE("vm.configure", "change a VM's processors, memory, disks and adapters"),
    VM_STORAGE_ATTACH("vm.storage.attach", "give a VM's disk an existing image, a host volume or a differencing parent"),
    VM_SNAPSHOT("vm.snapshot", "take and delete snapshots"),
    VM_SNAPSHOT_APPLY("vm.snapshot.apply", "apply snapshots"),
    VM_MIGRATE("vm.migrate", "quick-migrate VMs"),
    VM_CONSOLE("vm.console", "open a VM's console"),
    VM_OWNERSHIP("vm.ownership", "change a VM's owner and lease"),
    HOST_MANAGE("host.manage", "register, change and remove hosts and host groups"),
    NETWORK_MANAGE("network.manage", "manage virtual switches and VLANs"),
    LICENSING_MANAGE("licensing.manage", "manage editions and licences"),
    ACCESS_MANAGE("access.manage", "manage roles and assignments"),
    AUDIT_VIEW("audit.view", "read the audit trail"),
    REPORTS_VIEW("reports.view", "see reports and exports");

    private final String code;
    private final String description;

    Permission(String code, String description) {
        this.code = code;
        this.description = description;
    }

    public String code() {
        return code;
    }

    public String description() {
        return description;
    }

    public static Optional<Permission> ofCode(String code) {
        return Arrays.stream(values()).filter(p -> p.code.equals(code)).findFirst();
    }
}
