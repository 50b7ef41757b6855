package dev.corral.engine.libvirt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corral.engine.Capability;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** Which libvirt routes can hand over a display, and what the host's capabilities say where one cannot. */
class ConsoleRoutesTest {

    private static final ConsoleSettings THROUGH_LIBVIRT = ConsoleSettings.DEFAULT;
    private static final ConsoleSettings DIRECT = new ConsoleSettings("192.0.2.2", true);

    @Test
    void unixSocketRoutesHandOverTheDisplay() {
        assertThat(ConsoleOpener.whyNot(URI.create("qemu:///system"), THROUGH_LIBVIRT)).isNull();
        assertThat(ConsoleOpener.whyNot(URI.create("qemu+unix:///system"), THROUGH_LIBVIRT)).isNull();
    }

    @Test
    void networkRoutesNeedTheDirectSettingAndSaySo() {
        for (String uri : new String[] {"qemu+ssh://root@hv1/system", "qemu+tls://hv1/system", "qemu+tcp://hv1/system",
                "qemu://hv1/system"}) {
            assertThat(ConsoleOpener.whyNot(URI.create(uri), THROUGH_LIBVIRT)).as(uri)
                    .startsWith("Corral shows a VM's screen through libvirt, which hands over the display only on "
                            + "connections over a UNIX socket (qemu:/// or qemu+unix://)")
                    .endsWith("set corral.engine.libvirt.console.direct=true to connect to the display's port instead.");
            assertThat(ConsoleOpener.whyNot(URI.create(uri), DIRECT)).as(uri).isNull();
        }
    }

    @Test
    void theTestDriversReasonIsItsOwn() {
        assertThat(HostProfile.TEST.capabilities().whyNot(Capability.CONSOLE))
                .contains("libvirt's test driver has no displays, so it cannot show a VM's screen.");
        assertThat(ConsoleOpener.whyNot(URI.create("test:///default"), THROUGH_LIBVIRT)).isNull();
    }
}
