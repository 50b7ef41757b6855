package dev.corral.licensing;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** The editions table and the default enforcement mode, from {@code config/licensing/editions.yml}. */
@ConfigurationProperties("corral.licensing")
record LicensingProperties(String defaultMode, List<GenerationDefinition> generations, List<EditionDefinition> editions) {

    LicensingProperties {
        generations = generations == null ? List.of() : List.copyOf(generations);
        editions = editions == null ? List.of() : List.copyOf(editions);
    }

    record GenerationDefinition(String name, String title, Integer maxVcpusPerVm, Long maxMemoryPerVmGib) {
    }

    record EditionDefinition(String name, String generation, Integer windowsVmsPerLicence, boolean unlimited,
            boolean stackable, Integer maxSockets, Long maxMemoryGib, Boolean failoverClustering) {
    }
}
