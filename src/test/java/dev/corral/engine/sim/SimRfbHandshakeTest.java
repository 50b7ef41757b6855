package dev.corral.engine.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corral.engine.ConsoleStream;
import dev.corral.engine.HostConnection;
import dev.corral.engine.VmInfo;
import dev.corral.engine.VmSpec;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The simulator's RFB handshake byte by byte, for the older versions clients may speak (RFC 6143 §7.1-7.3). */
class SimRfbHandshakeTest {

    @TempDir
    Path stateDir;

    private HostConnection host;
    private VmInfo vm;

    @BeforeEach
    void boot() {
        host = SimulatorFixtures.engine(stateDir, Duration.ofMillis(1), Clock.systemUTC(), SimulatorFixtures.host("host-a"))
                .connect(URI.create("sim://host-a"));
        vm = host.define(new VmSpec("dc-1", 1, 512, VmSpec.Architecture.X64,
                new VmSpec.GuestOs(VmSpec.GuestOs.Family.WINDOWS, "Windows Server 2022"), List.of(), List.of(), Set.of()));
    }

    @Test
    void version33GetsSecurityNoneAsAWordAndNoResult() throws IOException {
        try (ConsoleStream console = host.openConsole(vm.id())) {
            DataInputStream in = new DataInputStream(console.input());
            DataOutputStream out = new DataOutputStream(console.output());
            greet(in, out, "RFB 003.003\n");

            assertThat(in.readInt()).isEqualTo(1);
            assertServerInit(in, out);
        }
    }

    @Test
    void version37GetsNoSecurityResultForNone() throws IOException {
        try (ConsoleStream console = host.openConsole(vm.id())) {
            DataInputStream in = new DataInputStream(console.input());
            DataOutputStream out = new DataOutputStream(console.output());
            greet(in, out, "RFB 003.007\n");

            assertThat(in.readNBytes(2)).containsExactly(1, 1);
            out.writeByte(1);
            assertServerInit(in, out);
        }
    }

    @Test
    void version38RefusesASecurityTypeItDidNotOfferWithTheReason() throws IOException {
        try (ConsoleStream console = host.openConsole(vm.id())) {
            DataInputStream in = new DataInputStream(console.input());
            DataOutputStream out = new DataOutputStream(console.output());
            greet(in, out, "RFB 003.008\n");
            assertThat(in.readNBytes(2)).containsExactly(1, 1);

            out.writeByte(2);
            out.flush();

            assertThat(in.readInt()).isEqualTo(1);
            assertThat(new String(in.readNBytes(in.readInt()), StandardCharsets.UTF_8)).contains("None (1)");
            assertThat(in.read()).isEqualTo(-1);
        }
    }

    private static void greet(DataInputStream in, DataOutputStream out, String version) throws IOException {
        assertThat(new String(in.readNBytes(12), StandardCharsets.US_ASCII)).isEqualTo("RFB 003.008\n");
        out.write(version.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static void assertServerInit(DataInputStream in, DataOutputStream out) throws IOException {
        out.writeByte(0); // not shared: the simulator shares all the same
        out.flush();
        assertThat(in.readUnsignedShort()).isEqualTo(1024);
        assertThat(in.readUnsignedShort()).isEqualTo(768);
        assertThat(in.readNBytes(16)).containsExactly(32, 24, 0, 1, 0, 255, 0, 255, 0, 255, 16, 8, 0, 0, 0, 0);
        assertThat(new String(in.readNBytes(in.readInt()), StandardCharsets.UTF_8)).isEqualTo("dc-1");
    }
}
