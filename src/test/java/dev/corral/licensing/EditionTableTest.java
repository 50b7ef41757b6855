package dev.corral.licensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The editions table is checked as Corral starts; a mistake stops the start with a message naming it. */
class EditionTableTest {

    private static final LicensingProperties.GenerationDefinition G2008 =
            new LicensingProperties.GenerationDefinition("2008", "Hyper-V on Windows Server 2008", 4, 64L);

    private static LicensingProperties.EditionDefinition edition(String name, String generation, Integer perLicence,
            boolean unlimited) {
        return new LicensingProperties.EditionDefinition(name, generation, perLicence, unlimited, false, 4, 32L, false);
    }

    @Test
    void theShippedTableIsValid() {
        assertThat(EditionsFile.table().editions()).hasSize(13);
    }

    @Test
    void anEmptyTableStopsTheStart() {
        assertThatThrownBy(() -> new EditionTable(new LicensingProperties(null, null, null)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("config/licensing/editions.yml: it defines no editions (is it imported by config/application.yml?)");
    }

    @Test
    void everyMistakeIsNamedAtOnce() {
        LicensingProperties broken = new LicensingProperties("strict", List.of(G2008), List.of(
                edition("Windows Server 2008 Standard", "2008", 1, false),
                edition("windows server 2008 standard", "2008", 1, false),
                edition("Windows Server 2099 Standard", "2099", 2, false),
                edition("Windows Server 2008 Datacenter", "2008", 4, true),
                new LicensingProperties.EditionDefinition("Odd", "2008", 0, false, false, 0, null, null)));

        assertThatThrownBy(() -> new EditionTable(broken))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("config/licensing/editions.yml: ")
                .hasMessageContaining("edition windows server 2008 standard is defined twice")
                .hasMessageContaining("edition Windows Server 2099 Standard names unknown generation 2099; the generations are 2008")
                .hasMessageContaining("edition Windows Server 2008 Datacenter needs either windows-vms-per-licence or unlimited: true, not both")
                .hasMessageContaining("edition Odd needs windows-vms-per-licence of 1 or more")
                .hasMessageContaining("edition Odd needs max-sockets of 1 or more")
                .hasMessageContaining("edition Odd needs max-memory-gib of 1 or more")
                .hasMessageContaining("edition Odd needs failover-clustering: true or false")
                .hasMessageContaining("default-mode strict is not one of enforce, audit, off");
    }

    @Test
    void aGenerationWithoutLimitsIsRefused() {
        LicensingProperties broken = new LicensingProperties(null,
                List.of(new LicensingProperties.GenerationDefinition("2008", null, null, 0L)),
                List.of(edition("Windows Server 2008 Standard", "2008", 1, false)));

        assertThatThrownBy(() -> new EditionTable(broken))
                .hasMessageContaining("generation 2008 needs max-vcpus-per-vm of 1 or more")
                .hasMessageContaining("generation 2008 needs max-memory-per-vm-gib of 1 or more");
    }

    @Test
    void addingAnEditionIsAChangeOfData() {
        LicensingProperties more = new LicensingProperties("audit", List.of(G2008), List.of(
                edition("Windows Server 2008 Standard", "2008", 1, false),
                new LicensingProperties.EditionDefinition("Windows Server 2008 Web", "2008", 3, false, true, 4, 32L, false)));

        EditionTable table = new EditionTable(more);

        assertThat(table.editionNames()).containsExactly("Windows Server 2008 Standard", "Windows Server 2008 Web");
        assertThat(table.find("Windows Server 2008 Web").orElseThrow().rightsWith(2).allowed()).isEqualTo(6);
        assertThat(table.defaultMode()).isEqualTo(EnforcementMode.AUDIT);
    }
}
