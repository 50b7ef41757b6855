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

    private HostRuntime row(UUID hostId) {
        return runtime.findById(hostId).orElseGet(() -> runtime.save(new HostRuntime(hostId, clock.instant())));
    }
}
