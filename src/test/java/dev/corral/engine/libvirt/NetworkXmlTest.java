package dev.corral.engine.libvirt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corral.engine.VirtualSwitch;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** A switch's network definition: VLANs as metadata ranges and as portgroups, kept on a rewrite. */
class NetworkXmlTest {

    @Test
    void anExternalSwitchGetsAPortgroupPerVlanAndATrunkPortgroup() {
        VirtualSwitch lan = new VirtualSwitch("LAN", VirtualSwitch.Kind.EXTERNAL, "eth1", new TreeSet<>(List.of(10, 20, 21, 22)));

        Element network = Xml.parse(NetworkXml.build(lan)).getDocumentElement();

        assertThat(Xml.elements(network, "portgroup")).extracting(p -> p.getAttribute("name"))
                .containsExactly("vlan-10", "vlan-20", "vlan-21", "vlan-22", "vlan-trunk");
        assertThat(Xml.text(network, "portgroup[@name='vlan-21']/vlan/tag/@id")).isEqualTo("21");
        assertThat(Xml.elements(network, "metadata/c:switch/c:vlan")).extracting(v -> v.getAttribute("id") + "-" + v.getAttribute("to"))
                .containsExactly("10-", "20-22");
        assertThat(NetworkXml.parse(NetworkXml.build(lan)).virtualSwitch()).isEqualTo(lan);
        assertThat(NetworkXml.madeByCorral(NetworkXml.build(lan))).isTrue();
    }

    @Test
    void aSwitchCarryingAnyVlanHasNoPortgroups() {
        VirtualSwitch open = new VirtualSwitch("Lab", VirtualSwitch.Kind.PRIVATE, null, null);

        Element network = Xml.parse(NetworkXml.build(open)).getDocumentElement();

        assertThat(Xml.elements(network, "portgroup")).isEmpty();
        assertThat(NetworkXml.parse(NetworkXml.build(open)).virtualSwitch()).isEqualTo(open);
    }

    @Test
    void aRewriteKeepsTheNetworksIdentityAndWhatCorralDidNotMake() {
        String foreign = """
                <network><name>dmz</name><uuid>8a1c6e0e-5f3b-4a4e-9d51-0a0000000a99</uuid>
                <forward mode='bridge'/><bridge name='ovsbr0'/><virtualport type='openvswitch'/>
                <portgroup name='guests' default='yes'><vlan><tag id='99'/></vlan></portgroup>
                <portgroup name='vlan-5'><vlan><tag id='5'/></vlan></portgroup></network>""";
        assertThat(NetworkXml.madeByCorral(foreign)).isFalse();

        String rewritten = NetworkXml.rewrite(foreign,
                new VirtualSwitch("dmz", VirtualSwitch.Kind.EXTERNAL, "ovsbr0", new TreeSet<>(List.of(98, 99))));

        Element network = Xml.parse(rewritten).getDocumentElement();
        assertThat(Xml.text(network, "uuid")).isEqualTo("8a1c6e0e-5f3b-4a4e-9d51-0a0000000a99");
        assertThat(Xml.elements(network, "portgroup")).extracting(p -> p.getAttribute("name"))
                .containsExactly("guests", "vlan-98", "vlan-99", "vlan-trunk");
        assertThat(NetworkXml.madeByCorral(rewritten)).isTrue();
        assertThat(NetworkXml.parse(rewritten).virtualSwitch())
                .isEqualTo(new VirtualSwitch("dmz", VirtualSwitch.Kind.EXTERNAL, "ovsbr0", new TreeSet<>(List.of(98, 99))));
        assertThat(network.getFirstChild()).isNotNull();
        assertThat(Xml.elements(network, "metadata")).hasSize(1);
    }

    @Test
    void anAdapterChangeRebindsTheBridgeAndDropsTheOldPolicy() {
        String before = NetworkXml.build(new VirtualSwitch("up", VirtualSwitch.Kind.EXTERNAL, "eth1", new TreeSet<>(List.of(10))));

        String after = NetworkXml.rewrite(before, new VirtualSwitch("up", VirtualSwitch.Kind.EXTERNAL, "eth2", null));

        Element network = Xml.parse(after).getDocumentElement();
        assertThat(Xml.text(network, "bridge/@name")).isEqualTo("eth2");
        assertThat(Xml.elements(network, "portgroup")).isEmpty();
        assertThat(Xml.elements(network, "metadata/c:switch")).hasSize(1);
        assertThat(NetworkXml.parse(after).virtualSwitch().allowedVlans()).isEmpty();
    }
}
