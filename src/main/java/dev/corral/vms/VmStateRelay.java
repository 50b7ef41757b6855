package dev.corral.vms;

import dev.corral.cluster.ClusterEvents;
import dev.corral.engine.VmState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Carries VM state changes between nodes: what this node learns (its operations, its hosts'
 * events, its resync) reaches the open views of the other nodes, and theirs reach this node's,
 * whatever the engine. A node alone relays nothing.
 */
@Component
class VmStateRelay {

    private static final String KIND = "vm-state";

    private final ClusterEvents cluster;
    private final ApplicationEventPublisher events;
    /** Set while a change told by another node is published here, so it is not told back. */
    private final ThreadLocal<Boolean> relaying = ThreadLocal.withInitial(() -> false);

    VmStateRelay(ClusterEvents cluster, ApplicationEventPublisher events) {
        this.cluster = cluster;
        this.events = events;
        cluster.hear(KIND, this::heard);
    }

    @EventListener
    void on(VmStateChanged changed) {
        if (!relaying.get()) {
            cluster.tell(KIND, changed.vmId(), changed.state().name() + " " + changed.name());
        }
    }

    private void heard(ClusterEvents.Event event) {
        String detail = event.detail() == null ? "" : event.detail();
        int space = detail.indexOf(' ');
        VmState state;
        try {
            state = VmState.valueOf(space < 0 ? detail : detail.substring(0, space));
        } catch (IllegalArgumentException unknown) {
            return; // from a newer node: its views will catch up at the next resync
        }
        relaying.set(true);
        try {
            events.publishEvent(new VmStateChanged(event.subject(), space < 0 ? "" : detail.substring(space + 1), state));
        } finally {
            relaying.set(false);
        }
    }
}
