package dev.corral.engine.libvirt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.corral.engine.EngineException;
import dev.corral.engine.HostConnection;
import dev.corral.engine.IntegrationService;
import dev.corral.engine.VirtualSwitch;
import dev.corral.engine.VlanSetting;
import dev.corral.engine.VmSpec;
import java.util.EnumSet;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.libvirt.Connect;
import org.libvirt.LibvirtException;
import org.libvirt.Network;
import org.w3c.dom.Element;

/**
 * The network definitions Corral gives libvirt for virtual switches, read back from libvirt's test
 * driver: Open vSwitch bridges with a portgroup per VLAN and a trunk portgroup, Corral's metadata
 * with the VLANs as ranges, and changes that keep the network's identity and what Corral did not make.
 */
class LibvirtSwitchDefinitionsIT {

    private final LibvirtEngine engine = new LibvirtEngine("auto", "/var/lib/libvirt/images",
            System.getProperty("java.io.tmpdir"));
    private HostConnection host;

    @BeforeEach
    void connect() {
        host = engine.connect(LibvirtTestDriverIT.nodeUri("host-a.xml"));
    }

    @AfterEach
    void close() {
        host.close();
    }

    @Test
    void anExternalSwitchIsAnOpenVswitchBridgeWithAPortgroupPerVlanAndATrunk() throws Exception {
        host.createSwitch(new VirtualSwitch("uplink", VirtualSwitch.Kind.EXTERNAL, "eth1", tags(10, 20, 100, 101, 102)));

        Element network = definition("uplink");

        assertThat(Xml.text(network, "forward/@mode")).isEqualTo("bridge");
        assertThat(Xml.text(network, "bridge/@name")).isEqualTo("eth1");
        assertThat(Xml.text(network, "virtualport/@type")).isEqualTo("openvswitch");
        assertThat(portgroups(network)).containsExactly("vlan-10", "vlan-20", "vlan-100", "vlan-101", "vlan-102",
                "vlan-trunk");
        assertThat(Xml.text(network, "portgroup[@name='vlan-20']/vlan/tag/@id")).isEqualTo("20");
        assertThat(Xml.text(network, "portgroup[@name='vlan-20']/vlan/@trunk")).isEmpty();
        assertThat(Xml.text(network, "portgroup[@name='vlan-trunk']/vlan/@trunk")).isEqualTo("yes");
        assertThat(Xml.elements(network, "portgroup[@name='vlan-trunk']/vlan/tag")).extracting(t -> t.getAttribute("id"))
                .containsExactly("10", "20", "100", "101", "102");
        assertThat(Xml.elements(network, "metadata/c:switch/c:vlan"))
                .extracting(v -> v.getAttribute("id") + (v.hasAttribute("to") ? "-" + v.getAttribute("to") : ""))
                .containsExactly("10", "20", "100-102");
        assertThat(Xml.text(network, "metadata/c:switch/@kind")).isEqualTo("EXTERNAL");
        assertThat(VlanXml.readPortgroups(network)).containsEntry("vlan-101", new VlanSetting.Access(101))
                .containsEntry("vlan-trunk", new VlanSetting.Trunk(tags(10, 20, 100, 101, 102), null));
    }

    @Test
    void changingTheVlansReplacesThePortgroupsAndKeepsTheNetworksIdentity() throws Exception {
        host.createSwitch(new VirtualSwitch("uplink", VirtualSwitch.Kind.EXTERNAL, "eth1", tags(10, 20)));
        String uuid = Xml.text(definition("uplink"), "uuid");

        VirtualSwitch changed = host.updateSwitch(new VirtualSwitch("uplink", VirtualSwitch.Kind.EXTERNAL, "eth1",
                tags(20, 30)));

        Element network = definition("uplink");
        assertThat(changed.allowedVlans()).containsExactly(20, 30);
        assertThat(Xml.text(network, "uuid")).isEqualTo(uuid);
        assertThat(portgroups(network)).containsExactly("vlan-20", "vlan-30", "vlan-trunk");
        assertThat(active("uplink")).as("restarted with its new definition").isTrue();

        host.updateSwitch(new VirtualSwitch("uplink", VirtualSwitch.Kind.EXTERNAL, "eth1", null));
        assertThat(portgroups(definition("uplink"))).as("a switch carrying any VLAN needs none").isEmpty();
        assertThat(host.switches()).contains(new VirtualSwitch("uplink", VirtualSwitch.Kind.EXTERNAL, "eth1", null));
    }

    @Test
    void aSwitchSetUpOutsideCorralGetsItsVlansButKeepsItsOwnPortgroupsAndAdapter() throws Exception {
        Connect connect = connection();
        Network foreign = connect.networkDefineXML("""
                <network><name>dmz</name><forward mode='bridge'/><bridge name='eth1'/>
                <virtualport type='openvswitch'/>
                <portgroup name='guests' default='yes'><vlan><tag id='99'/></vlan></portgroup></network>""");
        foreign.create();
        Natives.free(foreign);

        host.updateSwitch(new VirtualSwitch("dmz", VirtualSwitch.Kind.EXTERNAL, "eth1", tags(99, 98)));

        Element network = definition("dmz");
        assertThat(portgroups(network)).containsExactly("guests", "vlan-98", "vlan-99", "vlan-trunk");
        assertThat(Xml.text(network, "portgroup[@name='guests']/@default")).isEqualTo("yes");
        assertThat(host.switches()).contains(new VirtualSwitch("dmz", VirtualSwitch.Kind.EXTERNAL, "eth1", tags(98, 99)));
    }

    @Test
    void onlyOpenVswitchSwitchesCarryVlans() {
        assertThatThrownBy(() -> host.createSwitch(new VirtualSwitch("lab", VirtualSwitch.Kind.PRIVATE, null, tags(10))))
                .isInstanceOf(EngineException.InvalidSpec.class)
                .hasMessage("Switch lab cannot carry VLANs: on libvirt hosts only an external (Open vSwitch) switch "
                        + "carries 802.1Q VLAN tags.");
        host.createSwitch(new VirtualSwitch("lab", VirtualSwitch.Kind.PRIVATE, null, null));

        assertThatThrownBy(() -> host.updateSwitch(new VirtualSwitch("lab", VirtualSwitch.Kind.PRIVATE, null, tags(10))))
                .isInstanceOf(EngineException.InvalidSpec.class).hasMessageContaining("only an external (Open vSwitch)");
        assertThatThrownBy(() -> host.updateSwitch(new VirtualSwitch("int-lab", VirtualSwitch.Kind.INTERNAL, null, tags(10))))
                .isInstanceOf(EngineException.InvalidSpec.class).hasMessageContaining("int-lab cannot carry VLANs");
    }

    @Test
    void aSwitchWithRunningVmsIsNotRestartedUnderThem() {
        host.createSwitch(new VirtualSwitch("uplink", VirtualSwitch.Kind.EXTERNAL, "eth1", tags(10, 20)));
        UUID id = host.define(new VmSpec("web", 1, 256, VmSpec.Architecture.X64,
                new VmSpec.GuestOs(VmSpec.GuestOs.Family.LINUX, "Debian 12"), List.of(),
                List.of(new VmSpec.NetworkAdapter(VmSpec.AdapterType.SYNTHETIC, "uplink", new VlanSetting.Access(10), null)),
                EnumSet.of(IntegrationService.HEARTBEAT))).id();
        host.start(id);

        assertThatThrownBy(() -> host.updateSwitch(new VirtualSwitch("uplink", VirtualSwitch.Kind.EXTERNAL, "eth1",
                tags(10, 20, 30)))).isInstanceOf(EngineException.InvalidState.class)
                .hasMessageContaining("carries running VM web")
                .hasMessageContaining("Shut them down or save them first");
        assertThat(host.switches()).contains(new VirtualSwitch("uplink", VirtualSwitch.Kind.EXTERNAL, "eth1", tags(10, 20)));

        host.turnOff(id);
        assertThat(host.updateSwitch(new VirtualSwitch("uplink", VirtualSwitch.Kind.EXTERNAL, "eth1", tags(10, 20, 30)))
                .allowedVlans()).containsExactly(10, 20, 30);
    }

    @Test
    void anExternalSwitchSetUpOutsideCorralKeepsItsAdapter() {
        assertThatThrownBy(() -> host.updateSwitch(new VirtualSwitch("ext-lan", VirtualSwitch.Kind.EXTERNAL, "eth1", null)))
                .isInstanceOf(EngineException.Unsupported.class)
                .hasMessageContaining("outside Corral; change its physical adapter there");
    }

    private Connect connection() {
        return ((LibvirtHostConnection) host).host().link.current();
    }

    private Element definition(String name) throws LibvirtException {
        Network network = connection().networkLookupByName(name);
        try {
            return Xml.parse(network.getXMLDesc(0)).getDocumentElement();
        } finally {
            Natives.free(network);
        }
    }

    private boolean active(String name) throws LibvirtException {
        Network network = connection().networkLookupByName(name);
        try {
            return network.isActive() == 1;
        } finally {
            Natives.free(network);
        }
    }

    private static List<String> portgroups(Element network) {
        return Xml.elements(network, "portgroup").stream().map(p -> p.getAttribute("name")).toList();
    }

    private static SortedSet<Integer> tags(Integer... tags) {
        return new TreeSet<>(List.of(tags));
    }
}
