package dev.corral.licensing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corral.vms.PowerOnGuard.Cause;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sentences a refused user reads: the host, its edition, the rights, the VMs using them, what to do. */
class RightsMessageTest {

    private static final EditionTable TABLE = EditionsFile.table();
    private static final Edition STANDARD_2008 = TABLE.find("Windows Server 2008 Standard").orElseThrow();
    private static final Edition STANDARD_2022 = TABLE.find("Windows Server 2022 Standard").orElseThrow();

    @Test
    void aSecondWindowsVmOnA2008StandardHost() {
        assertThat(RightsMessage.refusal("br-hv01", STANDARD_2008, STANDARD_2008.rightsWith(null), List.of("br-file01"), 0,
                "br-print01", Cause.START))
                .isEqualTo("br-hv01 runs Windows Server 2008 Standard, which allows 1 running Windows VM; br-file01 uses it. "
                        + "Shut it down or save its state first, or start br-print01 on a host with free rights.");
    }

    @Test
    void stackedLicencesAreCountedAndTheVmsTheCallerMayNotSeeAreNotNamed() {
        assertThat(RightsMessage.refusal("br-hv02", STANDARD_2022, STANDARD_2022.rightsWith(2), List.of("br-app02", "br-app03"),
                2, "br-sandbox", Cause.RESTORE))
                .isEqualTo("br-hv02 runs Windows Server 2022 Standard with 2 licences, which allow 4 running Windows VMs; "
                        + "br-app02, br-app03 and 2 VMs you may not see use them. Shut one of them down or save its state "
                        + "first, or move br-sandbox to a host with free rights and start it there.");
    }

    @Test
    void oneLicenceReadsInTheSingular() {
        assertThat(RightsMessage.allowance("br-hv02", STANDARD_2022, STANDARD_2022.rightsWith(1)))
                .isEqualTo("br-hv02 runs Windows Server 2022 Standard with 1 licence, which allows 2 running Windows VMs");
    }

    @Test
    void aMigrationIsToldToGoElsewhere() {
        assertThat(RightsMessage.refusal("hq-hv02", TABLE.find("Windows Server 2008 Enterprise").orElseThrow(),
                TABLE.find("Windows Server 2008 Enterprise").orElseThrow().rightsWith(1), List.of(), 4, "sql01",
                Cause.MIGRATE_IN))
                .endsWith("4 VMs you may not see use them. Shut one of them down or save its state first, "
                        + "or migrate sql01 to a host with free rights.");
    }

    @Test
    void longListsAreCut() {
        List<String> many = java.util.stream.IntStream.rangeClosed(1, 12).mapToObj(i -> "vm" + i).toList();

        assertThat(RightsMessage.users(many, 1)).isEqualTo("vm1, vm2, vm3, vm4, vm5, vm6, vm7, vm8, vm9, vm10 and 3 more VMs");
    }

    @Test
    void theHistoryNamesNoOtherVm() {
        assertThat(RightsMessage.summary("br-hv01", STANDARD_2008, STANDARD_2008.rightsWith(null), 1, Cause.START, false))
                .isEqualTo("Start allowed in audit mode: br-hv01 runs Windows Server 2008 Standard, which allows 1 running "
                        + "Windows VM, and 1 was running; now 2.");
    }
}
