package dev.corral.engine.libvirt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.corral.engine.EngineException;
import dev.corral.engine.IntegrationService;
import dev.corral.engine.VirtualSwitch;
import dev.corral.engine.VlanSetting;
import dev.corral.engine.VmSpec;
import dev.corral.engine.VmSpec.AdapterType;
import dev.corral.engine.VmSpec.Architecture;
import dev.corral.engine.VmSpec.Bus;
import dev.corral.engine.VmSpec.Disk;
import dev.corral.engine.VmSpec.DiskKind;
import dev.corral.engine.VmSpec.GuestOs;
import dev.corral.engine.VmSpec.NetworkAdapter;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class LibvirtXmlTest {

    private static final UUID ID = UUID.fromString("0f5c7d4e-8a51-4e0b-9b6c-2d7d1e3f4a5b");
    private static final DiskPaths PATHS = new DiskPaths(List.of("/var/lib/libvirt/images", "/images"),
            LibvirtSettings.DEFAULT_PASS_THROUGH_DIRS);
    private static final DiskPaths IMAGES = new DiskPaths(List.of("/images"), LibvirtSettings.DEFAULT_PASS_THROUGH_DIRS);

    private static VmSpec fullSpec(String name, String guestOsName) {
        return new VmSpec(name, 4, 6144, Architecture.X64, new GuestOs(GuestOs.Family.WINDOWS, guestOsName),
                List.of(new Disk("system", DiskKind.FIXED, Bus.IDE, 60, "/images/system.img", null),
                        new Disk("data", DiskKind.DYNAMIC, Bus.SCSI, 200, null, null),
                        new Disk("diff", DiskKind.DIFFERENCING, Bus.SCSI, 60, "/images/diff.qcow2", "/images/base.qcow2"),
                        new Disk("lun", DiskKind.PASS_THROUGH, Bus.SCSI, 0, "/dev/disk/by-id/wwn-0x5000c500a1b2c3d4", null)),
                List.of(new NetworkAdapter(AdapterType.SYNTHETIC, "ext-lan", new VlanSetting.Access(42), "52:54:00:12:34:56"),
                        new NetworkAdapter(AdapterType.LEGACY, "ext-lan",
                                new VlanSetting.Trunk(new TreeSet<>(Set.of(10, 20, 30)), 20), null),
                        new NetworkAdapter(AdapterType.SYNTHETIC, "int-lab", null, null)),
                EnumSet.of(IntegrationService.HEARTBEAT, IntegrationService.SHUTDOWN, IntegrationService.KVP));
    }

    @Test
    void aFullSpecRoundTrips() {
        VmSpec spec = fullSpec("web01", "Windows Server 2022");

        DomainXml.Parsed parsed = DomainXml.parse(DomainXml.build(spec, ID, "kvm", PATHS));

        assertThat(parsed.spec()).isEqualTo(spec);
        assertThat(parsed.id()).isEqualTo(ID);
        assertThat(parsed.domainType()).isEqualTo("kvm");
    }

    @Test
    void libvirtSeesDevicesItUnderstands() {
        String xml = DomainXml.build(fullSpec("web01", "Windows"), ID, "kvm", PATHS);
        Document doc = Xml.parse(xml);

        assertThat(Xml.text(doc, "/domain/memory")).isEqualTo("6144");
        assertThat(Xml.text(doc, "/domain/memory/@unit")).isEqualTo("MiB");
        assertThat(Xml.text(doc, "/domain/os/type/@arch")).isEqualTo("x86_64");
        assertThat(Xml.elements(doc, "/domain/devices/disk/target").stream().map(e -> e.getAttribute("dev")).toList())
                .containsExactly("hda", "sda", "sdb", "sdc");
        assertThat(Xml.text(doc, "/domain/devices/disk[2]/source/@file"))
                .isEqualTo("/var/lib/libvirt/images/web01-data.qcow2");
        assertThat(Xml.text(doc, "/domain/devices/disk[1]/driver/@type")).isEqualTo("raw");
        assertThat(Xml.text(doc, "/domain/devices/disk[3]/backingStore/source/@file")).isEqualTo("/images/base.qcow2");
        assertThat(Xml.text(doc, "/domain/devices/disk[4]/@type")).isEqualTo("block");
        assertThat(Xml.text(doc, "/domain/devices/disk[4]/source/@dev")).isEqualTo("/dev/disk/by-id/wwn-0x5000c500a1b2c3d4");
        assertThat(Xml.text(doc, "/domain/devices/interface[1]/vlan/tag/@id")).isEqualTo("42");
        assertThat(Xml.text(doc, "/domain/devices/interface[1]/model/@type")).isEqualTo("virtio");
        assertThat(Xml.text(doc, "/domain/devices/interface[2]/vlan/@trunk")).isEqualTo("yes");
        assertThat(Xml.text(doc, "/domain/devices/interface[2]/vlan/tag[@nativeMode='untagged']/@id")).isEqualTo("20");
        assertThat(Xml.text(doc, "/domain/devices/interface[2]/model/@type")).isEqualTo("rtl8139");
        assertThat(Xml.text(doc, "/domain/devices/interface[3]/source/@network")).isEqualTo("int-lab");
        assertThat(Xml.text(doc, "/domain/devices/channel/target/@name")).isEqualTo("org.qemu.guest_agent.0");
    }

    @Test
    void aThirtyTwoBitTestDomainHasNoGuestAgentChannel() {
        VmSpec spec = new VmSpec("old", 1, 512, Architecture.X86, new GuestOs(GuestOs.Family.LINUX, null), List.of(),
                List.of(), EnumSet.allOf(IntegrationService.class));
        Document doc = Xml.parse(DomainXml.build(spec, null, "test", IMAGES));

        assertThat(Xml.text(doc, "/domain/@type")).isEqualTo("test");
        assertThat(Xml.text(doc, "/domain/os/type/@arch")).isEqualTo("i686");
        assertThat(Xml.elements(doc, "/domain/devices/channel")).isEmpty();
        assertThat(Xml.elements(doc, "/domain/uuid")).isEmpty();
        assertThat(DomainXml.parse(DomainXml.build(spec, ID, "test", IMAGES)).spec()).isEqualTo(spec);
    }

    @Test
    void aNameWithPunctuationRoundTrips() {
        VmSpec spec = fullSpec("a(b) c.d-e_f", "Linux");

        String xml = DomainXml.build(spec, ID, "test", IMAGES);

        assertThat(DomainXml.parse(xml).spec()).isEqualTo(spec);
        assertThat(Xml.text(Xml.parse(xml), "/domain/devices/disk[2]/source/@file"))
                .isEqualTo("/images/a(b) c.d-e_f-data.qcow2");
    }

    @Test
    void markupInValuesIsEscapedNeverInjected() {
        String hostile = "Evil</name><name>x</name>]]><!-- & \"quoted\" 'single' <vcpu>64</vcpu>";
        VmSpec spec = fullSpec("web01", hostile);

        String xml = DomainXml.build(spec, ID, "kvm", IMAGES);
        Document doc = Xml.parse(xml);

        assertThat(Xml.elements(doc, "/domain/name")).hasSize(1);
        assertThat(Xml.elements(doc, "//name")).hasSize(1);
        assertThat(Xml.elements(doc, "//vcpu")).hasSize(1);
        assertThat(Xml.text(doc, "/domain/vcpu")).isEqualTo("4");
        assertThat(xml).doesNotContain("<name>x</name>").doesNotContain("]]><!--");
        assertThat(DomainXml.parse(xml).spec().guestOs().name()).isEqualTo(hostile);
    }

    @Test
    void controlCharactersInTheGuestOsNameAreRefused() {
        assertThatThrownBy(() -> DomainXml.build(fullSpec("web01", "bad\u0001name"), ID, "kvm", IMAGES))
                .isInstanceOf(EngineException.InvalidSpec.class);
    }

    @Test
    void aDomainWithoutCorralMetadataIsReadFromLibvirtsElements() {
        String xml = """
                <domain type='kvm'>
                  <name>foreign</name>
                  <uuid>0f5c7d4e-8a51-4e0b-9b6c-2d7d1e3f4a5b</uuid>
                  <memory unit='KiB'>1048576</memory>
                  <vcpu placement='static'>2</vcpu>
                  <os><type arch='x86_64' machine='pc'>hvm</type></os>
                  <devices>
                    <disk type='file' device='disk'><driver name='qemu' type='qcow2'/>
                      <source file='/images/foreign.qcow2'/><target dev='vda' bus='virtio'/></disk>
                    <disk type='file' device='cdrom'><target dev='hdc' bus='ide'/></disk>
                    <interface type='network'><mac address='52:54:00:aa:bb:cc'/><source network='default'/>
                      <vlan><tag id='7'/></vlan><model type='e1000'/></interface>
                  </devices>
                </domain>""";

        VmSpec spec = DomainXml.parse(xml).spec();

        assertThat(DomainXml.parse(xml).corral()).isFalse();
        assertThat(spec.memoryMiB()).isEqualTo(1024);
        assertThat(spec.guestOs().family()).isEqualTo(GuestOs.Family.OTHER);
        assertThat(spec.disks()).containsExactly(new Disk("vda", DiskKind.DYNAMIC, Bus.SCSI, 1, "/images/foreign.qcow2", null));
        assertThat(spec.networkAdapters()).containsExactly(
                new NetworkAdapter(AdapterType.LEGACY, "default", new VlanSetting.Access(7), "52:54:00:aa:bb:cc"));
    }

    @Test
    void switchesRoundTripThroughNetworkXml() {
        VirtualSwitch external = new VirtualSwitch("uplink", VirtualSwitch.Kind.EXTERNAL, "eth0", new TreeSet<>(Set.of(42, 43)));
        VirtualSwitch priv = new VirtualSwitch("a private switch with a long name", VirtualSwitch.Kind.PRIVATE, null, null);

        Document externalXml = Xml.parse(NetworkXml.build(external));
        Document privateXml = Xml.parse(NetworkXml.build(priv));

        assertThat(NetworkXml.parse(NetworkXml.build(external))).isEqualTo(new NetworkXml.Parsed(external, true));
        assertThat(NetworkXml.parse(NetworkXml.build(priv))).isEqualTo(new NetworkXml.Parsed(priv, false));
        assertThat(Xml.text(externalXml, "/network/forward/@mode")).isEqualTo("bridge");
        assertThat(Xml.text(externalXml, "/network/virtualport/@type")).isEqualTo("openvswitch");
        assertThat(Xml.elements(privateXml, "/network/forward")).isEmpty();
        assertThat(Xml.text(privateXml, "/network/bridge/@name")).startsWith("crl-").hasSizeLessThanOrEqualTo(15);
    }

    @Test
    void foreignNetworksGetASensibleKind() {
        VirtualSwitch nat = NetworkXml.parse("<network><name>default</name><forward mode='nat'/>"
                + "<bridge name='virbr0'/></network>").virtualSwitch();
        NetworkXml.Parsed ovs = NetworkXml.parse("<network><name>ovs</name><forward mode='bridge'/>"
                + "<bridge name='ovsbr0'/><virtualport type='openvswitch'/></network>");

        assertThat(nat.kind()).isEqualTo(VirtualSwitch.Kind.INTERNAL);
        assertThat(ovs.virtualSwitch().kind()).isEqualTo(VirtualSwitch.Kind.EXTERNAL);
        assertThat(ovs.virtualSwitch().physicalAdapter()).isEqualTo("ovsbr0");
        assertThat(ovs.openVswitch()).isTrue();
    }

    @Test
    void snapshotXmlIsBuiltAndRead() {
        assertThat(Xml.elements(Xml.parse(SnapshotXml.build("before <update>")), "/domainsnapshot/name")).hasSize(1);
        SnapshotXml.Parsed parsed = SnapshotXml.parse("""
                <domainsnapshot><name>s2</name><state>shutoff</state><parent><name>s1</name></parent>
                <creationTime>1700000000</creationTime><domain type='test'><name>vm</name></domain></domainsnapshot>""");

        assertThat(parsed.name()).isEqualTo("s2");
        assertThat(parsed.parent()).isEqualTo("s1");
        assertThat(parsed.createdAt().getEpochSecond()).isEqualTo(1700000000L);
        assertThat(parsed.vmState()).isEqualTo(dev.corral.engine.VmState.OFF);
    }

    /**
     * A disk's format comes from its spec, never from the file name: a raw image a guest wrote
     * could otherwise be opened as qcow2 and name any backing file. And every chain ends where
     * the spec says (an empty backingStore), so libvirt follows no backing file an image names.
     */
    @Test
    void formatsAreStatedByTheSpecAndEveryBackingChainEndsWhereTheSpecSays() {
        VmSpec spec = new VmSpec("web01", 1, 512, Architecture.X64, new GuestOs(GuestOs.Family.LINUX, null),
                List.of(new Disk("system", DiskKind.DYNAMIC, Bus.IDE, 10, "/images/guest-written.img", null),
                        new Disk("diff", DiskKind.DIFFERENCING, Bus.SCSI, 10, "/images/diff.qcow2", "/images/base.img")),
                List.of(), null);
        Document doc = Xml.parse(DomainXml.build(spec, ID, "kvm", IMAGES));

        assertThat(Xml.text(doc, "/domain/devices/disk[1]/driver/@type")).isEqualTo("qcow2");
        assertThat(Xml.elements(doc, "/domain/devices/disk[1]/backingStore")).hasSize(1);
        assertThat(Xml.elements(doc, "/domain/devices/disk[1]/backingStore/*")).isEmpty();
        // base.img is named like a raw image; the spec (qcow2 parent by default) decides, not the name.
        assertThat(Xml.text(doc, "/domain/devices/disk[2]/backingStore/format/@type")).isEqualTo("qcow2");
        assertThat(Xml.elements(doc, "/domain/devices/disk[2]/backingStore/backingStore")).hasSize(1);
        assertThat(Xml.elements(doc, "/domain/devices/disk[2]/backingStore/backingStore/*")).isEmpty();

        VmSpec stated = new VmSpec("web01", 1, 512, Architecture.X64, new GuestOs(GuestOs.Family.LINUX, null),
                List.of(new Disk("system", DiskKind.DYNAMIC, Bus.IDE, 10, "/images/any.qcow2", null, VmSpec.ImageFormat.RAW, null),
                        new Disk("diff", DiskKind.DIFFERENCING, Bus.SCSI, 10, null, "/images/base.qcow2", null,
                                VmSpec.ImageFormat.RAW)),
                List.of(), null);
        Document statedDoc = Xml.parse(DomainXml.build(stated, ID, "kvm", IMAGES));
        assertThat(Xml.text(statedDoc, "/domain/devices/disk[1]/driver/@type")).isEqualTo("raw");
        assertThat(Xml.text(statedDoc, "/domain/devices/disk[2]/backingStore/format/@type")).isEqualTo("raw");
        assertThat(DomainXml.parse(DomainXml.build(stated, ID, "kvm", IMAGES)).spec()).isEqualTo(stated);
        assertThatThrownBy(() -> new Disk("diff", DiskKind.DIFFERENCING, Bus.SCSI, 10, null, "/images/base.qcow2",
                VmSpec.ImageFormat.RAW, null)).isInstanceOf(EngineException.InvalidSpec.class).hasMessageContaining("format");
    }

    @Test
    void disksOutsideTheAllowedDirectoriesAreRefused() {
        List<Disk> hostile = List.of(
                new Disk("shadow", DiskKind.FIXED, Bus.IDE, 1, "/etc/shadow", null),
                new Disk("prefix", DiskKind.DYNAMIC, Bus.IDE, 1, "/images2/x.qcow2", null),
                new Disk("root", DiskKind.DYNAMIC, Bus.IDE, 1, "/images", null),
                new Disk("diff", DiskKind.DIFFERENCING, Bus.IDE, 1, "/images/d.qcow2", "/root/base.qcow2"),
                new Disk("sda", DiskKind.PASS_THROUGH, Bus.SCSI, 0, "/dev/sda", null),
                new Disk("image-as-device", DiskKind.PASS_THROUGH, Bus.SCSI, 0, "/images/x.img", null));

        for (Disk disk : hostile) {
            VmSpec spec = new VmSpec("web01", 1, 512, Architecture.X64, new GuestOs(GuestOs.Family.LINUX, null),
                    List.of(disk), List.of(), null);
            assertThatThrownBy(() -> DomainXml.build(spec, ID, "kvm", IMAGES)).as(disk.name())
                    .isInstanceOf(EngineException.InvalidSpec.class)
                    .hasMessageContaining(disk.kind() == DiskKind.PASS_THROUGH ? "/dev/disk/by-id, /dev/disk/by-path"
                            : "(/images)");
        }
    }

    @Test
    void anAutoPlacedImageKeepsItsPathWhenTheVmIsRenamedOrTheDirectoryChanges() {
        VmSpec spec = new VmSpec("web01", 1, 512, Architecture.X64, new GuestOs(GuestOs.Family.LINUX, null),
                List.of(new Disk("data", DiskKind.DYNAMIC, Bus.SCSI, 10, null, null)), List.of(), null);
        String first = DomainXml.build(spec, ID, "kvm", PATHS);
        DiskPaths moved = new DiskPaths(List.of("/images", "/var/lib/libvirt/images"),
                LibvirtSettings.DEFAULT_PASS_THROUGH_DIRS);

        String renamed = DomainXml.build(spec.withName("web02"), ID, "kvm", moved, DomainXml.Previous.of(first));

        assertThat(Xml.text(Xml.parse(first), "/domain/metadata/*/*[local-name()='disk']/@path"))
                .isEqualTo("/var/lib/libvirt/images/web01-data.qcow2");
        assertThat(Xml.text(Xml.parse(renamed), "/domain/devices/disk/source/@file"))
                .isEqualTo("/var/lib/libvirt/images/web01-data.qcow2");
        assertThat(DomainXml.parse(renamed).spec()).isEqualTo(spec.withName("web02"));
        assertThat(DomainXml.parse(renamed).corral()).isTrue();
    }

    @Test
    void libvirtStateNamesMapLikeDomainStates() {
        assertThat(DomainStates.ofName("running")).isEqualTo(dev.corral.engine.VmState.RUNNING);
        assertThat(DomainStates.ofName("pmsuspended")).isEqualTo(dev.corral.engine.VmState.PAUSED);
        assertThat(DomainStates.ofName("shutdown")).isEqualTo(dev.corral.engine.VmState.STOPPING);
        assertThat(DomainStates.ofName("disk-snapshot")).isEqualTo(dev.corral.engine.VmState.OFF);
        assertThat(DomainStates.ofName("bogus")).isEqualTo(dev.corral.engine.VmState.UNKNOWN);
    }

    @Test
    void onlyRealNetworkAdaptersAreReported() {
        assertThat(HostFactsReader.adapter("lo", Xml.parse("<interface type='ethernet' name='lo'/>")
                .getDocumentElement())).isEmpty();
        assertThat(HostFactsReader.adapter("br0", Xml.parse("<interface type='bridge' name='br0'/>")
                .getDocumentElement())).isEmpty();
        assertThat(HostFactsReader.adapter("eth0", Xml.parse("<interface type='ethernet' name='eth0'>"
                + "<mac address='52:54:00:00:00:01'/><link speed='1000' state='up'/></interface>").getDocumentElement()))
                .contains(new dev.corral.engine.HostFacts.PhysicalAdapter("eth0", "52:54:00:00:00:01",
                        dev.corral.engine.HostFacts.PhysicalAdapter.Medium.ETHERNET, 1000));
        assertThat(HostFactsReader.adapter("eth0.10", Xml.parse("<interface type='vlan' name='eth0.10'/>")
                .getDocumentElement())).hasValueSatisfying(a -> assertThat(a.medium())
                .isEqualTo(dev.corral.engine.HostFacts.PhysicalAdapter.Medium.OTHER));
    }

    @Test
    void drivesAreLetteredLikeLinux() {
        assertThat(DomainXml.driveLetters(0)).isEqualTo("a");
        assertThat(DomainXml.driveLetters(25)).isEqualTo("z");
        assertThat(DomainXml.driveLetters(26)).isEqualTo("aa");
    }
}
