package dev.corral.engine.sim;

import static dev.corral.engine.sim.SimScreen.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.corral.engine.Capability;
import dev.corral.engine.ConsoleStream;
import dev.corral.engine.EngineException;
import dev.corral.engine.HostConnection;
import dev.corral.engine.VmInfo;
import dev.corral.engine.VmSpec;
import dev.corral.engine.VmState;
import dev.corral.support.Await;
import dev.corral.support.RfbTestClient;
import dev.corral.support.RfbTestClient.PixelFormat;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The simulator's console, as a VNC client sees it through {@link HostConnection#openConsole}. */
class SimConsoleTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path stateDir;

    private SimulatorEngine engine;
    private HostConnection host;
    private VmInfo vm;
    private final List<RfbTestClient> clients = new ArrayList<>();

    @BeforeEach
    void boot() {
        engine = SimulatorFixtures.engine(stateDir, Duration.ofMillis(1), Clock.systemUTC(), SimulatorFixtures.host("host-a"));
        host = engine.connect(URI.create("sim://host-a"));
        vm = host.define(new VmSpec("web 1", 1, 512, VmSpec.Architecture.X64,
                new VmSpec.GuestOs(VmSpec.GuestOs.Family.LINUX, "Debian 12"), List.of(), List.of(), Set.of()));
    }

    @AfterEach
    void closeClients() {
        clients.forEach(RfbTestClient::close);
    }

    private RfbTestClient viewer() throws IOException {
        RfbTestClient client = RfbTestClient.connect(host.openConsole(vm.id()));
        clients.add(client);
        refresh(client);
        return client;
    }

    /** Asks for the whole screen and waits for it. */
    private static void refresh(RfbTestClient client) throws IOException {
        client.requestUpdate(false);
        client.awaitUpdate(WAIT);
    }

    private SimScreenState screenWhen(Predicate<SimScreenState> done) {
        return Await.until("the screen of " + vm.name(), WAIT, () -> engine.screen("host-a", vm.id()), done);
    }

    private int background() {
        return backgroundOf(vm.id());
    }

    private static int block(RfbTestClient client, int index) {
        return client.pixel(echoBlockX(index) + ECHO_BLOCK_SIZE / 2, ECHO_BLOCK_Y + ECHO_BLOCK_SIZE / 2);
    }

    @Test
    void theDisplayGreetsWithRfb38AndNamesTheVm() throws IOException {
        ConsoleStream console = host.openConsole(vm.id());
        byte[] greeting = console.input().readNBytes(12);
        console.close();

        RfbTestClient client = viewer();

        assertThat(new String(greeting, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("RFB 003.008\n");
        assertThat(client.name()).isEqualTo("web 1");
        assertThat(client.width()).isEqualTo(1024);
        assertThat(client.height()).isEqualTo(768);
        assertThat(console.password()).isEmpty();
    }

    @Test
    void aViewerThatTakesHextileGetsTheSameScreenAsOneThatTakesRaw() throws IOException {
        RfbTestClient raw = viewer();
        RfbTestClient tiled = viewer();
        tiled.encodings(RfbTestClient.HEXTILE, RfbTestClient.RAW);
        raw.type("hextile");
        screenWhen(s -> s.echoLine().equals("hextile"));
        refresh(raw);
        refresh(tiled);

        assertThat(tiled.lastUpdate()).extracting(RfbTestClient.Rect::encoding).containsExactly(RfbTestClient.HEXTILE);
        for (int y = 0; y < raw.height(); y++) {
            for (int x = 0; x < raw.width(); x++) {
                if (raw.pixel(x, y) != tiled.pixel(x, y)) {
                    throw new AssertionError("Hextile differs from Raw at " + x + "," + y);
                }
            }
        }

        // In another pixel format too (16 bits, big-endian), where a tile's colour is two bytes.
        PixelFormat rgb565 = new PixelFormat(16, 16, true, 31, 63, 31, 11, 5, 0);
        raw.pixelFormat(rgb565);
        tiled.pixelFormat(rgb565);
        refresh(raw);
        refresh(tiled);
        assertThat(tiled.rawPixel(BACKGROUND_PROBE_X, BACKGROUND_PROBE_Y)).isEqualTo(raw.rawPixel(BACKGROUND_PROBE_X, BACKGROUND_PROBE_Y));
        assertThat(tiled.rawPixel(echoBlockX(3) + 2, ECHO_BLOCK_Y + 2)).isEqualTo(raw.rawPixel(echoBlockX(3) + 2, ECHO_BLOCK_Y + 2));
    }

    @Test
    void theBackgroundIsTheVmsOwnColour() throws IOException {
        RfbTestClient client = viewer();

        assertThat(client.pixel(BACKGROUND_PROBE_X, BACKGROUND_PROBE_Y)).isEqualTo(background());
        assertThat(background()).isNotIn(0x000000, 0xFFFFFF)
                .isNotEqualTo(backgroundOf(UUID.nameUUIDFromBytes("another".getBytes())));
    }

    @Test
    void typedCharactersShowAsOneBlockEach() throws IOException {
        RfbTestClient client = viewer();

        client.type("hello");
        assertThat(screenWhen(s -> s.echoLine().length() == 5).echoLine()).isEqualTo("hello");
        refresh(client);

        for (int i = 0; i < 5; i++) {
            assertThat(block(client, i)).as("block %d", i).isEqualTo(ECHO_BLOCK_COLOUR);
        }
        assertThat(block(client, 5)).isEqualTo(background());
    }

    @Test
    void latin1AndUnicodeKeysymsAreTyped() throws IOException {
        RfbTestClient client = viewer();

        client.type("é€");

        assertThat(screenWhen(s -> s.echoLine().length() == 2).echoLine()).isEqualTo("é€");
    }

    @Test
    void backSpaceDeletesTheLastCharacter() throws IOException {
        RfbTestClient client = viewer();

        client.type("hello\b");
        assertThat(screenWhen(s -> s.echoLine().equals("hell")).echoLine()).isEqualTo("hell");
        refresh(client);

        assertThat(block(client, 3)).isEqualTo(ECHO_BLOCK_COLOUR);
        assertThat(block(client, 4)).isEqualTo(background());
    }

    @Test
    void returnMovesTheLineIntoTheHistory() throws IOException {
        RfbTestClient client = viewer();

        client.type("ls\nuptime\n");
        SimScreenState state = screenWhen(s -> s.history().size() == 2);
        refresh(client);

        assertThat(state.history()).containsExactly("ls", "uptime");
        assertThat(state.echoLine()).isEmpty();
        assertThat(block(client, 0)).isEqualTo(background());
    }

    @Test
    void ctrlAltDelShowsThePanelAndCounts() throws IOException {
        RfbTestClient client = viewer();
        client.key(SimKeyboard.DELETE, true); // Delete alone is no Ctrl+Alt+Del
        client.key(SimKeyboard.DELETE, false);

        client.key(0xffe3, true);
        client.key(0xffe9, true);
        client.key(SimKeyboard.DELETE, true);
        client.key(SimKeyboard.DELETE, false);
        client.key(0xffe9, false);
        client.key(0xffe3, false);
        assertThat(screenWhen(s -> s.ctrlAltDelCount() > 0).ctrlAltDelCount()).isEqualTo(1);
        refresh(client);

        assertThat(client.pixel(CAD_PANEL_X + 4, CAD_PANEL_Y + 4)).isEqualTo(CAD_PANEL_COLOUR);
        assertThat(client.pixel(CAD_PANEL_X + CAD_PANEL_WIDTH - 4, CAD_PANEL_Y + CAD_PANEL_HEIGHT - 4))
                .isEqualTo(CAD_PANEL_COLOUR);
    }

    @Test
    void metaCountsAsAltForCtrlAltDel() throws IOException {
        RfbTestClient client = viewer();

        client.key(0xffe4, true);
        client.key(0xffe7, true);
        client.key(SimKeyboard.DELETE, true);

        assertThat(screenWhen(s -> s.ctrlAltDelCount() > 0).ctrlAltDelCount()).isEqualTo(1);
    }

    @Test
    void thePointerIsRecordedAndDrawn() throws IOException {
        RfbTestClient client = viewer();

        client.pointer(300, 200, 1);
        SimScreenState state = screenWhen(s -> s.pointerX() == 300);
        refresh(client);

        assertThat(List.of(state.pointerX(), state.pointerY(), state.buttonMask())).containsExactly(300, 200, 1);
        assertThat(client.pixel(300, 200)).isEqualTo(POINTER_COLOUR);
        assertThat(client.pixel(300 + POINTER_ARM, 200)).isEqualTo(POINTER_COLOUR);
        assertThat(client.pixel(300, 200 - POINTER_ARM)).isEqualTo(POINTER_COLOUR);
    }

    @Test
    void twoViewersShareOneScreen() throws IOException {
        RfbTestClient first = viewer();
        RfbTestClient second = viewer();

        first.type("ab");
        SimScreenState state = screenWhen(s -> s.echoLine().length() == 2);
        refresh(second);

        assertThat(state.echoLine()).isEqualTo("ab");
        assertThat(state.viewers()).isEqualTo(2);
        assertThat(block(second, 1)).isEqualTo(ECHO_BLOCK_COLOUR);
    }

    @Test
    void anIncrementalRequestIsHeldUntilTheScreenChangesThenGetsOnlyTheChangedRows() throws Exception {
        RfbTestClient client = viewer();
        int[] offScreen = stateRegion(client);

        client.requestUpdate(true);
        assertThat(client.updateWithin(Duration.ofMillis(300))).as("an answer with nothing changed").isFalse();
        host.start(vm.id());
        client.awaitUpdate(WAIT);
        RfbTestClient.Rect changed = client.lastUpdate().getFirst();
        Await.until("the VM running", WAIT, () -> host.vm(vm.id()).state(), VmState.RUNNING::equals);
        refresh(client);

        assertThat(changed.y()).isGreaterThan(BACKGROUND_PROBE_Y);
        assertThat(changed.y() + changed.height()).isLessThan(ECHO_BLOCK_Y);
        assertThat(stateRegion(client)).isNotEqualTo(offScreen);
    }

    @Test
    void typingAnswersAnIncrementalRequestWithTheEchoRowsOnly() throws Exception {
        RfbTestClient client = viewer();

        client.requestUpdate(true);
        client.type("x");
        client.awaitUpdate(WAIT);

        RfbTestClient.Rect changed = client.lastUpdate().getFirst();
        assertThat(changed.y()).isGreaterThan(STATE_Y + STATE_HEIGHT);
        assertThat(changed.y() + changed.height()).isGreaterThanOrEqualTo(ECHO_BLOCK_Y + ECHO_BLOCK_SIZE);
        assertThat(block(client, 0)).isEqualTo(ECHO_BLOCK_COLOUR);
    }

    private static int[] stateRegion(RfbTestClient client) {
        int[] pixels = new int[STATE_WIDTH * STATE_HEIGHT];
        for (int y = 0; y < STATE_HEIGHT; y++) {
            for (int x = 0; x < STATE_WIDTH; x++) {
                pixels[y * STATE_WIDTH + x] = client.pixel(STATE_X + x, STATE_Y + y);
            }
        }
        return pixels;
    }

    @Test
    void otherPixelFormatsAreHonoured() throws IOException {
        RfbTestClient client = viewer();
        SimPixelFormat[] formats = {
            new SimPixelFormat(16, 16, false, true, 31, 63, 31, 11, 5, 0),
            new SimPixelFormat(32, 24, true, true, 255, 255, 255, 0, 8, 16),
            new SimPixelFormat(8, 8, false, true, 7, 7, 3, 0, 3, 6),
        };
        for (SimPixelFormat format : formats) {
            client.pixelFormat(new PixelFormat(format.bitsPerPixel(), format.depth(), format.bigEndian(), format.redMax(),
                    format.greenMax(), format.blueMax(), format.redShift(), format.greenShift(), format.blueShift()));
            refresh(client);

            assertThat(client.rawPixel(BACKGROUND_PROBE_X, BACKGROUND_PROBE_Y)).as("%s", format)
                    .isEqualTo(format.pixel(background()));
            assertThat(Integer.toUnsignedLong(client.rawPixel(echoBlockX(0), STATE_Y))).as("%s", format)
                    .isLessThan(1L << format.bitsPerPixel());
        }
        // Channels scale to the format's maxima, rounded to the nearest: green 215 * 63 / 255 = 53.1 gives 53.
        assertThat(formats[0].pixel(ECHO_BLOCK_COLOUR)).isEqualTo(31 << 11 | 53 << 5);
    }

    @Test
    void closingTheClientEndsTheServerSession() throws IOException {
        RfbTestClient client = viewer();
        assertThat(screenWhen(s -> s.viewers() == 1).viewers()).isEqualTo(1);

        client.close();

        assertThat(screenWhen(s -> s.viewers() == 0).viewers()).isZero();
    }

    /** Unviewed, a screen drops its pixels; what it says stays, and the next viewer sees it. */
    @Test
    void aScreenKeepsWhatItSaysBetweenViewers() throws IOException {
        RfbTestClient first = viewer();
        first.type("ab");
        screenWhen(s -> s.echoLine().length() == 2);
        first.close();
        screenWhen(s -> s.viewers() == 0);

        RfbTestClient second = viewer();

        assertThat(block(second, 1)).isEqualTo(ECHO_BLOCK_COLOUR);
        assertThat(block(second, 2)).isEqualTo(background());
        assertThat(second.pixel(BACKGROUND_PROBE_X, BACKGROUND_PROBE_Y)).isEqualTo(background());
    }

    @Test
    void anUnknownMessageEndsTheSession() throws IOException {
        RfbTestClient client = viewer();

        client.send(new byte[] {99});

        Await.until("the session to end", WAIT, client::ended, Boolean::booleanValue);
        assertThat(screenWhen(s -> s.viewers() == 0).viewers()).isZero();
    }

    @Test
    void deletingTheVmEndsItsConsoleSessions() throws IOException {
        RfbTestClient client = viewer();

        host.delete(vm.id());

        assertThat(Await.until("the session to end", WAIT, client::ended, Boolean::booleanValue)).isTrue();
    }

    @Test
    void consolesAreRefusedForUnknownVmsUnreachableHostsAndWithheldCapability() {
        SimulatorFaults faults = engine.faults("host-a");
        assertThat(host.capabilities().supports(Capability.CONSOLE)).isTrue();

        assertThatThrownBy(() -> host.openConsole(UUID.randomUUID())).isInstanceOf(EngineException.NotFound.class);
        faults.setUnreachable(true);
        assertThatThrownBy(() -> host.openConsole(vm.id())).isInstanceOf(EngineException.HostUnreachable.class);
        faults.clear();
        faults.withhold(Capability.CONSOLE, "This host's displays are switched off");
        assertThatThrownBy(() -> host.openConsole(vm.id())).isInstanceOf(EngineException.Unsupported.class)
                .hasMessage("This host's displays are switched off");
    }
}
