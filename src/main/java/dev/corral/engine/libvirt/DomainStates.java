package dev.corral.engine.libvirt;

import dev.corral.engine.VmState;
import org.libvirt.Domain;
import org.libvirt.DomainInfo.DomainState;
import org.libvirt.LibvirtException;

/** libvirt's domain states in Hyper-V Manager's words. */
final class DomainStates {

    private DomainStates() {
    }

    static VmState of(Domain domain) throws LibvirtException {
        DomainState state = domain.getInfo().state;
        return switch (state) {
            case VIR_DOMAIN_RUNNING, VIR_DOMAIN_BLOCKED -> VmState.RUNNING;
            case VIR_DOMAIN_PAUSED, VIR_DOMAIN_PMSUSPENDED -> VmState.PAUSED;
            case VIR_DOMAIN_SHUTDOWN -> VmState.STOPPING;
            case VIR_DOMAIN_SHUTOFF, VIR_DOMAIN_CRASHED ->
                    domain.hasManagedSaveImage() == 1 ? VmState.SAVED : VmState.OFF;
            case VIR_DOMAIN_NOSTATE -> VmState.UNKNOWN;
        };
    }

    /** The state as a phrase that fits "VM web01 is ...". */
    static String describe(VmState state) {
        return switch (state) {
            case OFF -> "off";
            case STARTING -> "starting";
            case RUNNING -> "running";
            case PAUSED -> "paused";
            case SAVING -> "saving its state";
            case SAVED -> "saved";
            case STOPPING -> "shutting down";
            case UNKNOWN -> "in a state libvirt does not report";
        };
    }
}
