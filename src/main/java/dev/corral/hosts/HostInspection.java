package dev.corral.hosts;

import dev.corral.engine.EngineException;
import dev.corral.engine.Engines;
import dev.corral.engine.HostCapabilities;
import dev.corral.engine.HostConnection;
import dev.corral.engine.HostFacts;
import dev.corral.hosts.HostDetails.MissingCapability;
import dev.corral.hosts.HostDetails.RequirementCheck;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Asks a host what it is and what it can do, and checks it against the hypervisor's requirements. */
@Component
class HostInspection {

    /** CPU models libvirt reports for 32-bit-only x86 hosts. */
    private static final Set<String> THIRTY_TWO_BIT = Set.of("i386", "i486", "i586", "i686", "x86");

    private final Engines engines;

    HostInspection(Engines engines) {
        this.engines = engines;
    }

    /** What the host answered, or why it did not. */
    record Reading(HostFacts facts, HostCapabilities capabilities, String problem) {
    }

    Reading read(String uri) {
        try {
            HostConnection connection = engines.connection(URI.create(uri));
            return new Reading(connection.facts(), connection.capabilities(), null);
        } catch (EngineException e) {
            return new Reading(null, null, e.getMessage());
        }
    }

    static List<MissingCapability> missing(HostCapabilities capabilities) {
        if (capabilities == null) {
            return List.of();
        }
        return capabilities.unsupported().entrySet().stream()
                .map(e -> new MissingCapability(e.getKey().description(), e.getValue())).toList();
    }

    static List<RequirementCheck> requirements(HostFacts facts) {
        if (facts == null) {
            String unknown = "Unknown until the host answers.";
            return List.of(new RequirementCheck("64-bit processor", null, unknown),
                    new RequirementCheck("Hardware virtualization", null, unknown),
                    new RequirementCheck("Data Execution Prevention", null, unknown));
        }
        return List.of(sixtyFourBit(facts),
                new RequirementCheck("Hardware virtualization", facts.hardwareVirtualization(), facts.hardwareVirtualization()
                        ? "Intel VT-x or AMD-V is enabled."
                        : "Intel VT-x or AMD-V is off or missing: enable it in the host's firmware settings."),
                new RequirementCheck("Data Execution Prevention", facts.dataExecutionPrevention(), facts.dataExecutionPrevention()
                        ? "Intel XD or AMD NX is enabled."
                        : "Intel XD or AMD NX is off or missing: enable it in the host's firmware settings."));
    }

    /**
     * The engines report no word size, but the hypervisors Corral drives (Hyper-V, KVM, ESX, the
     * simulator) run only on 64-bit processors: a host whose hypervisor answered is 64-bit unless
     * its CPU model names a 32-bit architecture, as libvirt's test driver may.
     */
    private static RequirementCheck sixtyFourBit(HostFacts facts) {
        String model = facts.cpuModel() == null ? "" : facts.cpuModel().strip().toLowerCase(Locale.ROOT);
        boolean met = !THIRTY_TWO_BIT.contains(model);
        return new RequirementCheck("64-bit processor", met, met
                ? "The hypervisor (" + facts.hypervisor() + ") runs on a 64-bit processor."
                : "The processor (" + facts.cpuModel() + ") is 32-bit; the hypervisor needs a 64-bit (x64) processor.");
    }
}
