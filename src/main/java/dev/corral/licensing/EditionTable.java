package dev.corral.licensing;

import dev.corral.hosts.EditionCatalog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The editions table, read from {@code config/licensing/editions.yml} and checked as Corral starts:
 * a mistake there stops the start with a message that names the entry and what is wrong with it.
 * Editions are found by name whatever its case.
 */
@Component
public class EditionTable implements EditionCatalog {

    static final String SOURCE = "config/licensing/editions.yml";

    private final Map<String, Edition> editions;
    private final List<HypervisorGeneration> generations;
    private final EnforcementMode defaultMode;

    EditionTable(LicensingProperties properties) {
        List<String> problems = new ArrayList<>();
        Map<String, HypervisorGeneration> byName = generations(properties, problems);
        this.generations = List.copyOf(byName.values());
        this.editions = editions(properties, byName, problems);
        this.defaultMode = defaultMode(properties.defaultMode(), problems);
        if (problems.isEmpty() && editions.isEmpty()) {
            problems.add("it defines no editions (is it imported by config/application.yml?)");
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException(SOURCE + ": " + String.join("; ", problems));
        }
    }

    /** Every edition, in the table's order. */
    public List<Edition> editions() {
        return List.copyOf(editions.values());
    }

    public List<HypervisorGeneration> generations() {
        return generations;
    }

    /** The edition a host records, if the table has it; none for a host without one or with another. */
    public Optional<Edition> find(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(editions.get(key(name)));
    }

    /** The mode for host groups without one of their own, until an administrator sets the global mode. */
    public EnforcementMode defaultMode() {
        return defaultMode;
    }

    @Override
    public List<String> editionNames() {
        return editions.values().stream().map(Edition::name).toList();
    }

    @Override
    public Optional<String> canonicalName(String edition) {
        return find(edition).map(Edition::name);
    }

    private static Map<String, HypervisorGeneration> generations(LicensingProperties properties, List<String> problems) {
        Map<String, HypervisorGeneration> found = new LinkedHashMap<>();
        for (LicensingProperties.GenerationDefinition g : properties.generations()) {
            if (blank(g.name())) {
                problems.add("a generation has no name");
                continue;
            }
            String where = "generation " + g.name();
            if (found.containsKey(key(g.name()))) {
                problems.add(where + " is defined twice");
            }
            if (g.maxVcpusPerVm() == null || g.maxVcpusPerVm() < 1) {
                problems.add(where + " needs max-vcpus-per-vm of 1 or more");
            }
            if (g.maxMemoryPerVmGib() == null || g.maxMemoryPerVmGib() < 1) {
                problems.add(where + " needs max-memory-per-vm-gib of 1 or more");
            }
            found.put(key(g.name()), new HypervisorGeneration(g.name().strip(), blank(g.title()) ? "Hyper-V " + g.name().strip()
                    : g.title().strip(), g.maxVcpusPerVm() == null ? 1 : g.maxVcpusPerVm(),
                    g.maxMemoryPerVmGib() == null ? 1 : g.maxMemoryPerVmGib()));
        }
        return found;
    }

    private static Map<String, Edition> editions(LicensingProperties properties, Map<String, HypervisorGeneration> generations,
            List<String> problems) {
        Map<String, Edition> found = new LinkedHashMap<>();
        for (LicensingProperties.EditionDefinition e : properties.editions()) {
            if (blank(e.name())) {
                problems.add("an edition has no name");
                continue;
            }
            String where = "edition " + e.name().strip();
            int before = problems.size();
            if (found.containsKey(key(e.name()))) {
                problems.add(where + " is defined twice");
            }
            HypervisorGeneration generation = blank(e.generation()) ? null : generations.get(key(e.generation()));
            if (generation == null) {
                problems.add(where + " names " + (blank(e.generation()) ? "no generation" : "unknown generation " + e.generation())
                        + "; the generations are " + String.join(", ", generations.values().stream()
                                .map(HypervisorGeneration::name).toList()));
            }
            if (e.unlimited() == (e.windowsVmsPerLicence() != null)) {
                problems.add(where + " needs either windows-vms-per-licence or unlimited: true, not both");
            } else if (e.windowsVmsPerLicence() != null && e.windowsVmsPerLicence() < 1) {
                problems.add(where + " needs windows-vms-per-licence of 1 or more");
            }
            if (e.maxSockets() == null || e.maxSockets() < 1) {
                problems.add(where + " needs max-sockets of 1 or more");
            }
            if (e.maxMemoryGib() == null || e.maxMemoryGib() < 1) {
                problems.add(where + " needs max-memory-gib of 1 or more");
            }
            if (e.failoverClustering() == null) {
                problems.add(where + " needs failover-clustering: true or false");
            }
            if (problems.size() == before) {
                found.put(key(e.name()), new Edition(e.name().strip(), generation, e.windowsVmsPerLicence(), e.stackable(),
                        e.maxSockets(), e.maxMemoryGib(), e.failoverClustering()));
            }
        }
        return found;
    }

    private static EnforcementMode defaultMode(String text, List<String> problems) {
        if (blank(text)) {
            return EnforcementMode.ENFORCE;
        }
        try {
            return EnforcementMode.parse("defaultMode", text);
        } catch (dev.corral.base.InvalidInputException e) {
            problems.add("default-mode " + text + " is not one of enforce, audit, off");
            return EnforcementMode.ENFORCE;
        }
    }

    private static String key(String name) {
        return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
