package dev.corral.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corral.engine.VlanSetting;
import dev.corral.engine.VmSpec;
import dev.corral.vms.AdapterUse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The VLAN map worked out from switches and adapters: carriers, users and mismatches per VLAN. */
class VlanMappingTest {

    static final UUID HV1 = UUID.randomUUID();
    static final UUID HV2 = UUID.randomUUID();
    static final UUID UNREAD = UUID.randomUUID();
    static final Map<UUID, String> NAMES = Map.of(HV1, "hv1", HV2, "hv2", UNREAD, "hv3");

    final VlanMapping.Switch lan1 = new VlanMapping.Switch(UUID.randomUUID(), HV1, "hv1", "LAN", VlanRange.of(List.of(10, 20, 30)));
    final VlanMapping.Switch lan2 = new VlanMapping.Switch(UUID.randomUUID(), HV2, "hv2", "LAN", VlanRange.of(List.of(10, 30)));
    final VlanMapping.Switch lab = new VlanMapping.Switch(UUID.randomUUID(), HV2, "hv2", "Lab", List.of());

    @Test
    void eachVlanCarriedOrUsedIsARowWithItsSwitchesAndUsers() {
        VlanMapping map = new VlanMapping(List.of(lan1, lan2, lab), Set.of(HV1, HV2),
                List.of(use("dc01", HV1, "LAN", access(10)), use("sql01", HV1, "LAN", access(20)),
                        use("exch01", HV2, "LAN", access(20)), use("router", HV2, "lab", trunk(10, 42))),
                NAMES);

        assertThat(map.vlans(null, false)).containsExactly(10, 20, 30, 42);
        VlanRow ten = map.row(10);
        assertThat(ten.switches()).extracting(c -> c.hostName() + "/" + c.switchName())
                .containsExactly("hv1/LAN", "hv2/Lab", "hv2/LAN");
        assertThat(ten.switches()).filteredOn(VlanRow.Carrier::anyVlan).extracting(VlanRow.Carrier::switchName)
                .containsExactly("Lab");
        assertThat(ten.uses()).extracting(u -> u.vmName() + ":" + u.mode()).containsExactly("dc01:access", "router:trunk, native");
        assertThat(ten.mismatches()).isZero();
        VlanRow twenty = map.row(20);
        assertThat(twenty.switches()).extracting(VlanRow.Carrier::hostName).containsExactly("hv1");
        assertThat(twenty.mismatches()).isEqualTo(1);
        assertThat(twenty.uses()).filteredOn(VlanUse::mismatch).extracting(u -> u.vmName() + ": " + u.problem())
                .containsExactly("exch01: switch LAN does not carry VLAN 20");
        assertThat(map.row(30).uses()).isEmpty();
        assertThat(map.row(42).switches()).extracting(VlanRow.Carrier::switchName).containsExactly("Lab");
        assertThat(map.taggedAdapters()).isEqualTo(4);
    }

    @Test
    void onlyMismatchedVlansAndWantedVlansNarrowTheMap() {
        VlanMapping map = new VlanMapping(List.of(lan1, lan2), Set.of(HV1, HV2),
                List.of(use("exch01", HV2, "LAN", access(20)), use("web", HV2, "LAN", trunk(30, 40))), NAMES);

        assertThat(map.vlans(null, true)).containsExactly(20, 40);
        assertThat(map.vlans(new TreeSet<>(List.of(10, 40, 99)), false)).containsExactly(10, 40);
        assertThat(map.mismatches()).extracting(u -> u.vmName() + ": " + u.problem())
                .containsExactly("exch01: switch LAN does not carry VLAN 20", "web: switch LAN does not carry VLAN 40");
    }

    @Test
    void aSwitchTheHostNoLongerHasIsAMismatchOnlyWhereItsSwitchesAreKnown() {
        VlanMapping map = new VlanMapping(List.of(lan1), Set.of(HV1),
                List.of(use("orphan", HV1, "DMZ", access(10)), use("plain", HV1, "gone", new VlanSetting.Untagged()),
                        use("elsewhere", UNREAD, "DMZ", access(10))),
                NAMES);

        assertThat(map.row(10).uses()).extracting(u -> u.vmName() + ": " + u.problem())
                .containsExactly("orphan: switch DMZ no longer exists on hv1", "elsewhere: null");
        assertThat(map.mismatches()).extracting(u -> u.vmName() + " " + u.mode() + ": " + u.problem())
                .containsExactly("orphan access: switch DMZ no longer exists on hv1",
                        "plain untagged: switch gone no longer exists on hv1");
    }

    @Test
    void aSwitchCarryingEveryVlanIsCountedWithoutListingThem() {
        VlanMapping.Switch trunk = new VlanMapping.Switch(UUID.randomUUID(), HV1, "hv1", "Trunk",
                List.of(new VlanRange(1, 4094)));
        VlanMapping map = new VlanMapping(List.of(trunk, lan2), Set.of(HV1, HV2), List.of(), NAMES);

        int[] vlans = map.vlans(null, false);

        assertThat(vlans).hasSize(4094);
        assertThat(vlans[0]).isEqualTo(1);
        assertThat(vlans[4093]).isEqualTo(4094);
        assertThat(map.row(30).switches()).extracting(VlanRow.Carrier::switchName).containsExactly("Trunk", "LAN");
    }

    private static AdapterUse use(String vm, UUID host, String switchName, VlanSetting vlan) {
        return new AdapterUse(UUID.nameUUIDFromBytes(vm.getBytes()), vm, host, 0,
                new VmSpec.NetworkAdapter(VmSpec.AdapterType.SYNTHETIC, switchName, vlan, null), false);
    }

    private static VlanSetting access(int tag) {
        return new VlanSetting.Access(tag);
    }

    private static VlanSetting trunk(int nativeTag, int... others) {
        TreeSet<Integer> tags = new TreeSet<>(List.of(nativeTag));
        for (int tag : others) {
            tags.add(tag);
        }
        return new VlanSetting.Trunk(tags, nativeTag);
    }
}
