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

/** A VM's state as its host last reported it; written by the reconciler only. */
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

    protected VmRuntime() {
    }

    VmRuntime(UUID vmId, VmState state, String heartbeat, Instant updatedAt) {
        this.vmId = vmId;
        this.state = state;
        this.heartbeat = heartbeat;
        this.updatedAt = updatedAt;
    }

    /** Takes what a host said at {@code observedAt}; ignores it if something newer is recorded. */
    boolean update(VmState newState, String newHeartbeat, Instant observedAt) {
        if (updatedAt != null && updatedAt.isAfter(observedAt)) {
            return false;
        }
        Instant now = observedAt;
        boolean changed = newState != state || !java.util.Objects.equals(newHeartbeat, heartbeat);
        state = newState;
        heartbeat = newHeartbeat;
        updatedAt = now;
        return changed;
    }

    UUID vmId() {
        return vmId;
    }

    VmState state() {
        return state;
    }
}
