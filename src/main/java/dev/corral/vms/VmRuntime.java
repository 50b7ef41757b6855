package dev.corral.vms;

import dev.corral.engine.VmState;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A VM's state as its host last reported it, and since when; written by the reconciler only. A
 * spell of {@link VmState#UNKNOWN} (the host did not answer) does not restart "since": a VM off
 * before and after an outage of its host has been off all along, as far as Corral can tell.
 */
@Entity
@Table(name = "vm_runtime")
class VmRuntime {

    @Id
    @Column(name = "vm_id")
    private UUID vmId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private VmState state;

    @Column(length = 20)
    private String heartbeat;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /** The last state other than UNKNOWN; null until the host has reported one. */
    @Enumerated(EnumType.STRING)
    @Column(name = "known_state", length = 20)
    private VmState knownState;

    /** When the VM entered its known state (or, while none is known, when it was first recorded). */
    @Column(name = "state_since")
    private Instant stateSince;

    /** When a running VM's guest stopped answering the heartbeat; null while it answers or does not run. */
    @Column(name = "heartbeat_lost_since")
    private Instant heartbeatLostSince;

    protected VmRuntime() {
    }

    VmRuntime(UUID vmId, VmState state, String heartbeat, Instant updatedAt) {
        this.vmId = vmId;
        this.state = state;
        this.heartbeat = heartbeat;
        this.updatedAt = updatedAt;
        this.stateSince = updatedAt;
        this.knownState = state == VmState.UNKNOWN ? null : state;
        track(state, heartbeat, updatedAt);
    }

    /** Takes what a host said at {@code observedAt}; ignores it if something newer is recorded. */
    boolean update(VmState newState, String newHeartbeat, Instant observedAt) {
        if (updatedAt != null && updatedAt.isAfter(observedAt)) {
            return false;
        }
        Instant now = observedAt;
        boolean changed = newState != state || !java.util.Objects.equals(newHeartbeat, heartbeat);
        if (stateSince == null || newState != VmState.UNKNOWN && newState != knownState) {
            knownState = newState;
            stateSince = now;
        }
        state = newState;
        heartbeat = newHeartbeat;
        updatedAt = now;
        track(newState, newHeartbeat, now);
        return changed;
    }

    /**
     * Notes when a running VM's guest stopped answering the heartbeat (NO_CONTACT). A report that
     * says nothing about it (an event, a job's result, a heartbeat service disabled or not reported
     * by the engine) neither starts nor ends a loss; any state other than running ends it.
     */
    private void track(VmState newState, String newHeartbeat, Instant now) {
        if (newState != VmState.RUNNING && newState != VmState.UNKNOWN) {
            heartbeatLostSince = null;
        } else if (newState == VmState.RUNNING && "OK".equals(newHeartbeat)) {
            heartbeatLostSince = null;
        } else if (newState == VmState.RUNNING && "NO_CONTACT".equals(newHeartbeat) && heartbeatLostSince == null) {
            heartbeatLostSince = now;
        }
    }

    UUID vmId() {
        return vmId;
    }

    VmState state() {
        return state;
    }

    Instant stateSince() {
        return stateSince;
    }

    Instant heartbeatLostSince() {
        return heartbeatLostSince;
    }
}
