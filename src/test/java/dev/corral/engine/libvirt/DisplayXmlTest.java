package dev.corral.engine.libvirt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corral.engine.IntegrationService;
import dev.corral.engine.VmSpec;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** The VNC display in the domain XML Corral writes, and the displays it reads from any domain. */
class DisplayXmlTest {

    private static final UUID ID = UUID.fromString("6f1c3a52-0d7e-4c11-9a4e-3b1f2d9e8a10");
    private static final DiskPaths PATHS = new DiskPaths(List.of("/var/lib/libvirt/images"), List.of("/dev/disk/by-id/"));
    private static final VmSpec SPEC = new VmSpec("web01", 1, 64, VmSpec.Architecture.X64,
            new VmSpec.GuestOs(VmSpec.GuestOs.Family.LINUX, "Debian 12"), List.of(), List.of(),
            EnumSet.noneOf(IntegrationService.class));

    private static Element graphics(String xml) {
        return Xml.element(Xml.parse(xml).getDocumentElement(), "devices/graphics");
    }

    @Test
    void aNewQemuDomainGetsVncOnLoopbackWithoutAPasswordAndAVideoDevice() {
        String xml = DomainXml.build(SPEC, ID, "kvm", PATHS);

        Element vnc = graphics(xml);
        assertThat(vnc.getAttribute("type")).isEqualTo("vnc");
        assertThat(vnc.getAttribute("autoport")).isEqualTo("yes");
        assertThat(vnc.getAttribute("listen")).isEqualTo("127.0.0.1");
        assertThat(vnc.hasAttribute("passwd")).isFalse();
        assertThat(Xml.text(Xml.parse(xml).getDocumentElement(), "devices/video/model/@type")).isEqualTo("vga");
    }

    @Test
    void aDisplayBeyondLoopbackGetsARandomEightCharacterPassword() {
        ConsoleSettings lan = new ConsoleSettings("192.0.2.2", false);
        String first = DomainXml.build(SPEC, ID, "kvm", PATHS, DomainXml.Previous.NONE, lan);
        String second = DomainXml.build(SPEC, ID, "kvm", PATHS, DomainXml.Previous.NONE, lan);

        assertThat(graphics(first).getAttribute("listen")).isEqualTo("192.0.2.2");
        assertThat(graphics(first).getAttribute("passwd")).hasSize(8).matches("[A-Za-z0-9]{8}");
        assertThat(graphics(first).getAttribute("passwd")).isNotEqualTo(graphics(second).getAttribute("passwd"));
        assertThat(new ConsoleSettings("::1", false).needsPassword()).isFalse();
        assertThat(new ConsoleSettings("0.0.0.0", false).needsPassword()).isTrue();
    }

    @Test
    void anUpdateKeepsTheDisplayAndItsPasswordWhateverTheSettingNowSays() {
        String before = DomainXml.build(SPEC, ID, "kvm", PATHS, DomainXml.Previous.NONE,
                new ConsoleSettings("192.0.2.2", false));
        String after = DomainXml.build(SPEC.withName("web02"), ID, "kvm", PATHS, DomainXml.Previous.of(before),
                ConsoleSettings.DEFAULT);

        assertThat(Xml.elements(Xml.parse(after).getDocumentElement(), "devices/graphics")).hasSize(1);
        assertThat(graphics(after).getAttribute("listen")).isEqualTo("192.0.2.2");
        assertThat(graphics(after).getAttribute("passwd")).isEqualTo(graphics(before).getAttribute("passwd"));
        assertThat(Xml.elements(Xml.parse(after).getDocumentElement(), "devices/video")).hasSize(1);
    }

    @Test
    void testDriverDomainsGetNoDisplay() {
        assertThat(graphics(DomainXml.build(SPEC, ID, "test", PATHS))).isNull();
    }

    @Test
    void anAdoptedDomainsDisplaysAreReadAsTheyAre() {
        String adopted = """
                <domain type='kvm'><name>legacy</name><devices>
                  <graphics type='spice' port='5901' autoport='yes'/>
                  <graphics type='vnc' port='5905' autoport='no' passwd='s3cret'>
                    <listen type='address' address='0.0.0.0'/>
                  </graphics>
                </devices></domain>""";

        assertThat(DisplayXml.read(adopted)).isEqualTo(new DisplayXml.Screen.Found(
                new DisplayXml.Vnc(1, "0.0.0.0", 5905, "s3cret")));
        assertThat(DisplayXml.read("<domain><devices><graphics type='spice'/></devices></domain>"))
                .isEqualTo(new DisplayXml.Screen.OtherOnly(List.of("spice")));
        assertThat(DisplayXml.read("<domain><devices/></domain>")).isEqualTo(new DisplayXml.Screen.None());
        assertThat(DisplayXml.read("<domain><devices><graphics type='vnc' listen='127.0.0.1' port='-1'/></devices></domain>"))
                .isEqualTo(new DisplayXml.Screen.Found(new DisplayXml.Vnc(0, "127.0.0.1", -1, null)));
    }
}
