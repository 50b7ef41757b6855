package dev.corral.engine.libvirt;

import dev.corral.engine.VmState;
import java.util.Locale;
import org.libvirt.Domain;
import org.libvirt.DomainInfo.DomainState;
import org.libvirt.LibvirtException;
import org.libvirt.event.DomainEvent;
import org.libvirt.event.StoppedDetail;

/** libvirt's domain states in Hyper-V Manager's words: the one mapping every reader uses. */
final class DomainStates {

    private DomainStates() {
    }

    static VmState of(Domain domain) throws LibvirtException {
        DomainState state = domain.getInfo().state;
        boolean off = state == DomainState.VIR_DOMAIN_SHUTOFF || state == DomainState.VIR_DOMAIN_CRASHED;
        return of(state, off && domain.hasManagedSaveImage() == 1);
    }

    /** @param saved whether libvirt holds a managed save image of the (off) domain */
    static VmState of(DomainState state, boolean saved) {
        return switch (state) {
            case VIR_DOMAIN_RUNNING, VIR_DOMAIN_BLOCKED -> VmState.RUNNING;
            case VIR_DOMAIN_PAUSED, VIR_DOMAIN_PMSUSPENDED -> VmState.PAUSED;
            case VIR_DOMAIN_SHUTDOWN -> VmState.STOPPING;
            case VIR_DOMAIN_SHUTOFF, VIR_DOMAIN_CRASHED -> saved ? VmState.SAVED : VmState.OFF;
            case VIR_DOMAIN_NOSTATE -> VmState.UNKNOWN;
        };
    }

    /** A state as libvirt's XML names it (a snapshot's {@code <state>}: running, shutoff, disk-snapshot...). */
    static VmState ofName(String name) {
        if ("disk-snapshot".equals(name)) {
            return of(DomainState.VIR_DOMAIN_SHUTOFF, false);
        }
        try {
            return of(DomainState.valueOf("VIR_DOMAIN_" + name.toUpperCase(Locale.ROOT)), false);
        } catch (IllegalArgumentException e) {
            return VmState.UNKNOWN;
        }
    }

    /** The state a lifecycle event implies, for when the domain itself can no longer be asked. */
    static VmState ofEvent(DomainEvent event) {
        DomainState state = switch (event.getType()) {
            case STARTED, RESUMED -> DomainState.VIR_DOMAIN_RUNNING;
            case SUSPENDED -> DomainState.VIR_DOMAIN_PAUSED;
            case PMSUSPENDED -> DomainState.VIR_DOMAIN_PMSUSPENDED;
            case SHUTDOWN -> DomainState.VIR_DOMAIN_SHUTDOWN;
            case STOPPED, DEFINED -> DomainState.VIR_DOMAIN_SHUTOFF;
            case CRASHED -> DomainState.VIR_DOMAIN_CRASHED;
            default -> DomainState.VIR_DOMAIN_NOSTATE;
        };
        return of(state, event.getDetail() == StoppedDetail.SAVED);
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
