package dev.corral.engine;

/** Operations a host may or may not support, so the console can disable them with the reason. */
public enum Capability {
    DEFINE_VMS("create and change VMs"),
    GRACEFUL_SHUTDOWN("shut down through the guest"),
    PAUSE("pause and resume"),
    RESET("reset"),
    SAVE_STATE("save state"),
    SNAPSHOTS("snapshots"),
    QUICK_MIGRATION("quick migration"),
    VIRTUAL_SWITCHES("manage virtual switches"),
    VLAN("802.1Q VLAN tags"),
    PASS_THROUGH_DISKS("pass-through disks"),
    LEGACY_NETWORK_ADAPTERS("legacy network adapters"),
    INTEGRATION_SERVICE_STATUS("report integration service status"),
    CONSOLE("show the VM's screen");

    private final String description;

    Capability(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
