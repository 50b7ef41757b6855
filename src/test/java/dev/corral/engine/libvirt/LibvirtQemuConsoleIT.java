package dev.corral.engine.libvirt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.corral.engine.EngineException;
import dev.corral.engine.HostConnection;
import dev.corral.support.RfbTestClient;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A VM's screen on real QEMU (TCG) through the machine's libvirtd, as the relay would see it:
 * RFB from the first byte, a sane size, and the firmware's text within seconds. Skipped with the
 * reason where libvirtd is not running.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class LibvirtQemuConsoleIT {

    private static final URI SYSTEM = URI.create("qemu:///system");
    private static final URI UNIX = URI.create("qemu+unix:///system");
    private static final Duration SCREEN = Duration.ofSeconds(30);
    private static String unavailable;

    private final QemuScreens screens = new QemuScreens();
    private HostConnection host;

    @BeforeAll
    static void requireLibvirtd() throws Exception {
        LibvirtQemuContractIT.Virsh version = LibvirtQemuContractIT.Virsh.run("version");
        if (version.exit() != 0) {
            unavailable = "libvirtd is not running on this machine: " + version.output().strip();
        }
    }

    private HostConnection connect(URI uri, String listen, boolean direct) {
        Assumptions.assumeTrue(unavailable == null, () -> unavailable);
        return new LibvirtEngine("qemu", "/var/lib/libvirt/images", null, listen, direct).connect(uri);
    }

    @AfterEach
    void cleanUp() throws Exception {
        screens.close();
        if (host != null) {
            host.close();
        }
    }

    @Test
    void aRunningVmsScreenShowsTheFirmwareThroughLibvirt() throws Exception {
        host = connect(SYSTEM, "127.0.0.1", false);
        UUID id = screens.defineAndStart(host, "fd");

        try (var console = host.openConsole(id); RfbTestClient client = RfbTestClient.connect(console)) {
            assertThat(console.password()).isEmpty();
            assertThat(client.width()).isBetween(320, 4096);
            assertThat(client.height()).isBetween(200, 4096);
            assertThat(QemuScreens.awaitNonBlank(client, SCREEN)).isPositive();
        }
    }

    @Test
    void theSameScreenThroughASecondUriToTheSameDaemon() throws Exception {
        host = connect(SYSTEM, "127.0.0.1", false);
        UUID id = screens.defineAndStart(host, "second");
        try (HostConnection second = connect(UNIX, "127.0.0.1", false);
                RfbTestClient client = RfbTestClient.connect(second.openConsole(id))) {
            assertThat(QemuScreens.awaitNonBlank(client, SCREEN)).isPositive();
        }
    }

    @Test
    void directlyOverTcpWithThePasswordWhereTheDisplayListensBeyondLoopback() throws Exception {
        String address = java.net.NetworkInterface.networkInterfaces().filter(n -> !safeLoopback(n))
                .flatMap(java.net.NetworkInterface::inetAddresses).filter(a -> a instanceof java.net.Inet4Address)
                .map(java.net.InetAddress::getHostAddress).findFirst().orElse(null);
        Assumptions.assumeTrue(address != null, "this machine has no non-loopback IPv4 address");
        host = connect(SYSTEM, address, true);
        UUID id = screens.defineAndStart(host, "direct");

        try (var console = host.openConsole(id)) {
            assertThat(console.password()).hasValueSatisfying(p -> assertThat(p).hasSize(8));
            try (RfbTestClient client = RfbTestClient.connect(console)) {
                assertThat(QemuScreens.awaitNonBlank(client, SCREEN)).isPositive();
            }
        }
        String listens = LibvirtQemuContractIT.Virsh.run("domdisplay", screens.lastName()).output();
        assertThat(listens).contains(address);
    }

    @Test
    void directlyOnLoopbackNeedsNoPassword() throws Exception {
        host = connect(SYSTEM, "127.0.0.1", true);
        UUID id = screens.defineAndStart(host, "loop");

        try (var console = host.openConsole(id); RfbTestClient client = RfbTestClient.connect(console)) {
            assertThat(console.password()).isEmpty();
            assertThat(QemuScreens.awaitNonBlank(client, SCREEN)).isPositive();
        }
    }

    @Test
    void changingAVmKeepsItsDisplayAndPassword() throws Exception {
        host = connect(SYSTEM, "192.0.2.2", false);
        var spec = screens.diskless("keep");
        UUID id = host.define(spec).id();
        String before = LibvirtQemuContractIT.Virsh.run("dumpxml", "--security-info", spec.name()).output();

        host.update(id, new dev.corral.engine.VmSpec(spec.name(), 2, 96, spec.architecture(), spec.guestOs(),
                spec.disks(), spec.networkAdapters(), spec.integrationServices()));

        String after = LibvirtQemuContractIT.Virsh.run("dumpxml", "--security-info", spec.name()).output();
        assertThat(DisplayXml.read(after)).isEqualTo(DisplayXml.read(before));
        assertThat(((DisplayXml.Screen.Found) DisplayXml.read(after)).vnc().password()).hasSize(8);
        assertThat(after).contains("<vcpu placement='static'>2</vcpu>");
    }

    @Test
    void anOffVmHasNoScreenToShow() {
        host = connect(SYSTEM, "127.0.0.1", false);
        UUID id = host.define(screens.diskless("off")).id();

        assertThatThrownBy(() -> host.openConsole(id)).isInstanceOf(EngineException.InvalidState.class)
                .hasMessageEndingWith("is off; start it to see its screen.");
    }

    @Test
    void closingTheConsoleEndsABlockedRead() throws Exception {
        host = connect(SYSTEM, "127.0.0.1", false);
        UUID id = screens.defineAndStart(host, "close");
        var console = host.openConsole(id);
        byte[] greeting = console.input().readNBytes(12);
        assertThat(new String(greeting, java.nio.charset.StandardCharsets.US_ASCII)).startsWith("RFB 003.");
        var reader = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return console.input().read();
            } catch (java.io.IOException e) {
                return -2;
            }
        });

        console.close();
        console.close();

        assertThat(reader.get(10, TimeUnit.SECONDS)).isIn(-1, -2);
        assertThat(host.vm(id).state()).isEqualTo(dev.corral.engine.VmState.RUNNING);
    }

    private static boolean safeLoopback(java.net.NetworkInterface n) {
        try {
            return n.isLoopback() || !n.isUp();
        } catch (java.net.SocketException e) {
            return true;
        }
    }
}
