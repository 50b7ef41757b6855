package dev.corral.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.corral.base.InvalidInputException;
import dev.corral.engine.VlanSetting;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The VLANs a switch carries: written as lists and ranges of 1 to 4094, kept as ranges, checked against adapters. */
class VlanPolicyTest {

    @Test
    void aListWithRangesIsEveryTagOfIt() {
        assertThat(VlanPolicy.parse("10, 20 100-103;4094", "allowedVlans")).containsExactly(10, 20, 100, 101, 102, 103, 4094);
        assertThat(VlanPolicy.parse("1", "allowedVlans")).containsExactly(1);
    }

    @Test
    void nothingMeansAnyVlan() {
        assertThat(VlanPolicy.parse(null, "allowedVlans")).isEmpty();
        assertThat(VlanPolicy.parse("  ", "allowedVlans")).isEmpty();
        assertThat(VlanPolicy.parse("Any", "allowedVlans")).isEmpty();
        assertThat(VlanPolicy.describe(List.of())).isEqualTo("any VLAN");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "4095", "5000", "10, 0", "4090-4095"})
    void tagsOutsideOneTo4094AreRefusedAtTheField(String text) {
        assertThatThrownBy(() -> VlanPolicy.parse(text, "allowedVlans")).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("allowedVlans"))
                .hasMessageContaining("802.1Q").hasMessageContaining("use 1 to 4094");
    }

    @Test
    void theReservedTagsAreNamedInTheMessage() {
        assertThatThrownBy(() -> VlanPolicy.parse("4095", "vlan"))
                .hasMessage("VLAN 4095 is not a usable 802.1Q tag: use 1 to 4094 (0 and 4095 are reserved).");
    }

    @Test
    void malformedEntriesAreRefused() {
        assertThatThrownBy(() -> VlanPolicy.parse("30-20", "allowedVlans")).hasMessageContaining("runs backwards");
        assertThatThrownBy(() -> VlanPolicy.parse("ten", "allowedVlans")).hasMessageContaining("neither a VLAN nor a range");
        assertThatThrownBy(() -> VlanPolicy.parse("1-2-3", "allowedVlans")).hasMessageContaining("neither a VLAN nor a range");
    }

    @Test
    void tagsAreKeptAsTheFewestRanges() {
        List<VlanRange> ranges = VlanRange.of(List.of(20, 10, 11, 12, 4094, 4093));

        assertThat(ranges).containsExactly(new VlanRange(10, 12), new VlanRange(20, 20), new VlanRange(4093, 4094));
        assertThat(VlanRange.tags(ranges)).containsExactly(10, 11, 12, 20, 4093, 4094);
        assertThat(VlanPolicy.describeRanges(ranges)).isEqualTo("10-12, 20, 4093-4094");
        assertThat(VlanRange.of(List.of())).isEmpty();
        assertThat(VlanRange.of(VlanPolicy.parse("1-4094", "v"))).containsExactly(new VlanRange(1, 4094));
    }

    @Test
    void anAdaptersVlansAreItsAccessTagOrItsTrunk() {
        assertThat(VlanPolicy.used(new VlanSetting.Untagged())).isEmpty();
        assertThat(VlanPolicy.used(new VlanSetting.Access(42))).containsExactly(42);
        assertThat(VlanPolicy.used(new VlanSetting.Trunk(new TreeSet<>(List.of(10, 20)), 10))).containsExactly(10, 20);
    }

    @Test
    void aSwitchWithoutRangesCarriesEveryVlan() {
        List<VlanRange> lan = VlanRange.of(List.of(10, 20, 30));

        assertThat(VlanPolicy.carries(List.of(), 4094)).isTrue();
        assertThat(VlanPolicy.carries(lan, 20)).isTrue();
        assertThat(VlanPolicy.carries(lan, 42)).isFalse();
        assertThat(VlanPolicy.uncarried(new VlanSetting.Trunk(new TreeSet<>(List.of(10, 40, 42)), null), lan))
                .containsExactly(40, 42);
        assertThat(VlanPolicy.uncarried(new VlanSetting.Access(42), List.of())).isEmpty();
    }

    @Test
    void aChangeCutsOffOnlyVlansTheSwitchCarriedBefore() {
        VlanSetting trunk = new VlanSetting.Trunk(new TreeSet<>(List.of(10, 20, 99)), null);

        assertThat(VlanPolicy.cutOff(trunk, List.of(10, 20, 30), List.of(10, 30))).containsExactly(20);
        assertThat(VlanPolicy.cutOff(trunk, List.of(), List.of(10))).containsExactly(20, 99);
        assertThat(VlanPolicy.cutOff(trunk, List.of(10, 20), List.of())).isEmpty();
        assertThat(VlanPolicy.cutOff(new VlanSetting.Untagged(), List.of(10), List.of(20))).isEmpty();
        assertThat(VlanPolicy.name(List.of(20))).isEqualTo("VLAN 20");
        assertThat(VlanPolicy.name(List.of(20, 21, 22, 30))).isEqualTo("VLANs 20-22, 30");
    }
}
