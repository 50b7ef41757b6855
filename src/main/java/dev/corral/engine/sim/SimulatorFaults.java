package dev.corral.engine.sim;

import dev.corral.engine.Capability;
import dev.corral.engine.EngineException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Faults a test injects into one simulated host. Reached only through {@link
 * SimulatorEngine#faults(String)} from test code; nothing in the console or the API exposes it.
 */
public final class SimulatorFaults {

    private volatile boolean unreachable;
    private volatile double slowdown = 1.0;
    private final AtomicReference<String> failNext = new AtomicReference<>();
    private final Map<Capability, String> withheld = new ConcurrentHashMap<>();

    /** The host stops (or starts again) answering every call. */
    public void setUnreachable(boolean unreachable) {
        this.unreachable = unreachable;
    }

    /** The next state-changing operation fails half-way with this message, leaving the VM as it was. */
    public void failNextOperation(String message) {
        failNext.set(message);
    }

    /** Operations take this many times longer (1 = normal). */
    public void slowDown(double factor) {
        this.slowdown = Math.max(0, factor);
    }

    /** The host reports that it lacks the capability, for this reason, as a hypervisor without it would. */
    public void withhold(Capability capability, String reason) {
        withheld.put(capability, reason);
    }

    public void clear() {
        unreachable = false;
        slowdown = 1.0;
        failNext.set(null);
        withheld.clear();
    }

    Map<Capability, String> withheld() {
        return Map.copyOf(withheld);
    }

    boolean isUnreachable() {
        return unreachable;
    }

    double slowdown() {
        return slowdown;
    }

    /** Throws the injected failure once, if one is pending. */
    void maybeFail(String host) {
        String message = failNext.getAndSet(null);
        if (message != null) {
            throw new EngineException.Failed("Host " + host + " failed the operation: " + message, null);
        }
    }
}
