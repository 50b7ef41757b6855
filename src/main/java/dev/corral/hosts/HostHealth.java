package dev.corral.hosts;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Records whether each host answers; the reconciler writes it, views read it. */
@Service
@Transactional
public class HostHealth {

    private final HostRuntimeRepository runtime;
    private final Clock clock;

    HostHealth(HostRuntimeRepository runtime, Clock clock) {
        this.runtime = runtime;
        this.clock = clock;
    }

    public record Status(boolean reachable, Instant lastContact, String problem) {
    }

    public void answered(UUID hostId) {
        row(hostId).answered(clock.instant());
    }

    public void failed(UUID hostId, String why) {
        row(hostId).failed(why, clock.instant());
    }

    /** Records the host's physical capacity from its facts. */
    public void capacity(UUID hostId, dev.corral.engine.HostFacts facts) {
        if (facts != null) {
            row(hostId).capacity(facts.logicalProcessors(), facts.memoryTotalMiB());
        }
    }

    /** Whether the host's capacity has been recorded. */
    @Transactional(readOnly = true)
    public boolean knowsCapacity(UUID hostId) {
        return runtime.findById(hostId).map(HostRuntime::knowsCapacity).orElse(false);
    }

    /** The recorded capacity of every host that has one. */
    @Transactional(readOnly = true)
    public java.util.Map<UUID, Capacity> capacities() {
        java.util.Map<UUID, Capacity> all = new java.util.HashMap<>();
        runtime.findAll().stream().filter(HostRuntime::knowsCapacity).forEach(r ->
                all.put(r.hostId(), new Capacity(r.logicalProcessors(), r.memoryTotalMiB())));
        return all;
    }

    /** What a host has: its logical processors and physical memory. */
    public record Capacity(int logicalProcessors, long memoryMiB) {
    }

    private HostRuntime row(UUID hostId) {
        return runtime.findById(hostId).orElseGet(() -> runtime.save(new HostRuntime(hostId, clock.instant())));
    }
}
