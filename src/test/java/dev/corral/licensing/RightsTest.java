package dev.corral.licensing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The rights of every edition of the shipped table, with and without licences stacked. */
class RightsTest {

    private static final EditionTable TABLE = EditionsFile.table();

    /** Edition, then the running Windows VMs allowed with no count recorded, 1, 2 and 3 licences (null: unlimited). */
    static Stream<Arguments> editions() {
        return Stream.of(
                Arguments.of("Windows Server 2008 Standard", 1, 1, 1, 1),
                Arguments.of("Windows Server 2008 Enterprise", 4, 4, 4, 4),
                Arguments.of("Windows Server 2008 Datacenter", null, null, null, null),
                Arguments.of("Windows Server 2012 R2 Standard", 2, 2, 4, 6),
                Arguments.of("Windows Server 2012 R2 Datacenter", null, null, null, null),
                Arguments.of("Windows Server 2016 Standard", 2, 2, 4, 6),
                Arguments.of("Windows Server 2016 Datacenter", null, null, null, null),
                Arguments.of("Windows Server 2019 Standard", 2, 2, 4, 6),
                Arguments.of("Windows Server 2019 Datacenter", null, null, null, null),
                Arguments.of("Windows Server 2022 Standard", 2, 2, 4, 6),
                Arguments.of("Windows Server 2022 Datacenter", null, null, null, null),
                Arguments.of("Windows Server 2025 Standard", 2, 2, 4, 6),
                Arguments.of("Windows Server 2025 Datacenter", null, null, null, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("editions")
    void eachEditionAllowsItsRunningWindowsVms(String name, Integer none, Integer one, Integer two, Integer three) {
        Edition edition = TABLE.find(name).orElseThrow();

        assertThat(edition.rightsWith(null).allowed()).isEqualTo(none);
        assertThat(edition.rightsWith(1).allowed()).isEqualTo(one);
        assertThat(edition.rightsWith(2).allowed()).isEqualTo(two);
        assertThat(edition.rightsWith(3).allowed()).isEqualTo(three);
    }

    @Test
    void theTableHoldsExactlyTheseEditions() {
        assertThat(TABLE.editionNames()).containsExactlyElementsOf(editions().map(a -> (String) a.get()[0]).toList());
    }

    @Test
    void aStandardHostWithNLicencesRunsTwoNWindowsVmsAndNotOneMore() {
        Rights rights = TABLE.find("Windows Server 2022 Standard").orElseThrow().rightsWith(3);

        assertThat(rights.permit(6)).isTrue();
        assertThat(rights.permit(7)).isFalse();
        assertThat(rights.headroom(4)).isEqualTo(2);
        assertThat(rights.headroom(7)).isEqualTo(-1);
        assertThat(rights.describe()).isEqualTo("6 running Windows VMs");
    }

    @Test
    void datacenterPermitsAnyNumberAndHasNoHeadroomToCount() {
        Rights rights = TABLE.find("Windows Server 2008 Datacenter").orElseThrow().rightsWith(1);

        assertThat(rights.permit(10_000)).isTrue();
        assertThat(rights.headroom(10_000)).isNull();
        assertThat(rights.describe()).isEqualTo("any number of running Windows VMs");
    }

    @Test
    void a2008LicenceDoesNotStack() {
        Rights rights = TABLE.find("Windows Server 2008 Enterprise").orElseThrow().rightsWith(5);

        assertThat(rights.allowed()).isEqualTo(4);
        assertThat(rights.stackable()).isFalse();
    }

    @Test
    void aHostWithoutALicenceCountIsCountedForOne() {
        Rights rights = TABLE.find("Windows Server 2019 Standard").orElseThrow().rightsWith(null);

        assertThat(rights.licences()).isEqualTo(1);
        assertThat(rights.licencesAssumed()).isTrue();
    }

    @Test
    void editionsAreFoundWhateverTheirCaseAndSpacingButNotByAnotherName() {
        assertThat(TABLE.find("  windows server 2008   STANDARD ")).map(Edition::name).hasValue("Windows Server 2008 Standard");
        assertThat(TABLE.find("Windows Server 2008 R2 Standard")).isEmpty();
        assertThat(TABLE.find(null)).isEmpty();
        assertThat(TABLE.canonicalName("windows server 2022 datacenter")).hasValue("Windows Server 2022 Datacenter");
    }

    @Test
    void the2008EditionsCarryTheirSocketMemoryAndClusteringLimitsAndTheHypervisorsPerVmLimits() {
        Edition standard = TABLE.find("Windows Server 2008 Standard").orElseThrow();
        Edition enterprise = TABLE.find("Windows Server 2008 Enterprise").orElseThrow();

        assertThat(standard.maxSockets()).isEqualTo(4);
        assertThat(standard.maxMemoryGiB()).isEqualTo(32);
        assertThat(standard.failoverClustering()).isFalse();
        assertThat(enterprise.maxSockets()).isEqualTo(8);
        assertThat(enterprise.maxMemoryGiB()).isEqualTo(2048);
        assertThat(enterprise.failoverClustering()).isTrue();
        assertThat(standard.generation().maxVcpusPerVm()).isEqualTo(4);
        assertThat(standard.generation().maxMemoryPerVmMiB()).isEqualTo(65_536);
    }

    @Test
    void theShippedDefaultModeIsEnforce() {
        assertThat(TABLE.defaultMode()).isEqualTo(EnforcementMode.ENFORCE);
    }
}
