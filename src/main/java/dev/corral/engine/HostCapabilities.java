package dev.corral.engine;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a host can do. Each missing capability carries the reason a user is shown, e.g. "This
 * host's hypervisor (Hyper-V through libvirt) does not support snapshots".
 */
public record HostCapabilities(Map<Capability, String> unsupported) {

    public HostCapabilities {
        unsupported = Collections.unmodifiableMap(unsupported.isEmpty()
                ? new EnumMap<>(Capability.class) : new EnumMap<>(unsupported));
    }

    public static HostCapabilities all() {
        return new HostCapabilities(Map.of());
    }

    public boolean supports(Capability capability) {
        return !unsupported.containsKey(capability);
    }

    public Optional<String> whyNot(Capability capability) {
        return Optional.ofNullable(unsupported.get(capability));
    }

    /** Refuses early, with the reason, what this host cannot do. */
    public void require(Capability capability) {
        String reason = unsupported.get(capability);
        if (reason != null) {
            throw new EngineException.Unsupported(reason);
        }
    }
}
