package dev.corral.engine;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

/**
 * A VM changed on a host: its state, or it appeared or disappeared.
 *
 * @param state the new state; null when the VM was removed
 */
public record LifecycleEvent(URI host, UUID vmId, String vmName, Kind kind, VmState state, Instant at) {

    public enum Kind { DEFINED, UNDEFINED, STATE_CHANGED }
}
