package dev.corral.vms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.corral.access.QuotaUsage;
import dev.corral.base.InvalidInputException;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A configuration change set against the VM as it is. */
class VmEditTest {

    private final Vm web02 = new Vm(UUID.randomUUID(), UUID.randomUUID(), "web02", "hq-admin", 2, 4096, 40, "LINUX");

    @Test
    void onlyWhatChangesIsDescribedAndCountedAgainstTheQuota() {
        VmEdit edit = VmEdit.of(web02, new VmChange(4, 4096L, "HQ-Admin"));

        assertThat(edit.toString()).isEqualTo("vCPUs 2 → 4");
        assertThat(edit.growth()).isEqualTo(new QuotaUsage.Usage(0, 2, 0, 0));
        assertThat(edit.resizes()).isTrue();
        assertThat(edit.newOwnerOr("hq-admin")).isEqualTo("hq-admin");
    }

    @Test
    void theSameValuesChangeNothing() {
        assertThat(VmEdit.of(web02, new VmChange(2, null, null)).isEmpty()).isTrue();
        assertThat(VmEdit.of(web02, new VmChange(null, 2048L, " dev ")).toString())
                .isEqualTo("memory 4096 → 2048 MiB, owner hq-admin → dev");
    }

    @Test
    void impossibleValuesAreRefusedAtTheirField() {
        assertThatThrownBy(() -> VmEdit.of(web02, new VmChange(0, null, null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("vcpus"));
        assertThatThrownBy(() -> VmEdit.of(web02, new VmChange(null, 16L, null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("memoryMiB"));
        assertThatThrownBy(() -> VmEdit.of(web02, new VmChange(null, null, "  ")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("owner"));
    }
}
