package dev.corral.vms;

import dev.corral.engine.VmState;
import java.util.UUID;

/** A VM's runtime state changed: open views refresh from this. */
public record VmStateChanged(UUID vmId, String name, VmState state) {
}
