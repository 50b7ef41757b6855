package dev.corral.engine.libvirt;

import static dev.corral.engine.VmState.OFF;
import static dev.corral.engine.VmState.PAUSED;
import static dev.corral.engine.VmState.RUNNING;
import static dev.corral.engine.VmState.SAVED;

import dev.corral.engine.Capability;
import dev.corral.engine.VmState;
import java.util.EnumSet;
import java.util.Set;

/** A power operation: what it is called, and from which states it may start. */
enum PowerOp {
    START("start", "started", "an off or saved VM", EnumSet.of(OFF, SAVED), null),
    SHUTDOWN("shut down", "shut down", "a running VM", EnumSet.of(RUNNING), Capability.GRACEFUL_SHUTDOWN),
    TURN_OFF("turn off", "turned off", "a running or paused VM", EnumSet.of(RUNNING, PAUSED), null),
    RESET("reset", "reset", "a running VM", EnumSet.of(RUNNING), Capability.RESET),
    PAUSE("pause", "paused", "a running VM", EnumSet.of(RUNNING), Capability.PAUSE),
    RESUME("resume", "resumed", "a paused VM", EnumSet.of(PAUSED), Capability.PAUSE),
    SAVE("save", "saved", "a running or paused VM", EnumSet.of(RUNNING, PAUSED), Capability.SAVE_STATE);

    final String verb;
    final String participle;
    final String allowedPhrase;
    final Set<VmState> allowed;
    final Capability capability;

    PowerOp(String verb, String participle, String allowedPhrase, Set<VmState> allowed, Capability capability) {
        this.verb = verb;
        this.participle = participle;
        this.allowedPhrase = allowedPhrase;
        this.allowed = allowed;
        this.capability = capability;
    }
}
