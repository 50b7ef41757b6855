package dev.corral.engine.libvirt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.corral.engine.Capability;
import dev.corral.engine.EngineContract;
import dev.corral.engine.EngineException;
import dev.corral.engine.HostConnection;
import dev.corral.engine.VmSpec;
import dev.corral.engine.VmState;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.libvirt.Connect;

/**
 * The engine contract against real QEMU (TCG) through the machine's libvirtd, which .ci/run
 * installs and starts. Where libvirtd is not running, every test here is reported skipped with
 * the reason. VMs are diskless but for a small qcow2 image (snapshots need one), so a guest has
 * no OS to answer a graceful shutdown; and one libvirtd is one host, so no migration here.
 */
class LibvirtQemuContractIT extends EngineContract {

    private static final URI SYSTEM = URI.create("qemu:///system");
    private static final Path IMAGES = Path.of("/var/lib/libvirt/images");
    private static String unavailable;

    private final LibvirtEngine engine = new LibvirtEngine("qemu", IMAGES.toString(), null);
    private final List<Path> images = new ArrayList<>();

    @BeforeAll
    static void requireLibvirtd() throws Exception {
        Virsh version = Virsh.run("version");
        if (version.exit() != 0) {
            unavailable = "libvirtd is not running on this machine (virsh -c qemu:///system version: "
                    + version.output().strip() + ")";
            System.out.println("SKIPPED real-QEMU engine tier: " + unavailable);
            return;
        }
        try {
            ensureNetwork(EXTERNAL, """
                    <network><name>ext-lan</name><forward mode='bridge'/><bridge name='corral-ovs0'/>\
                    <virtualport type='openvswitch'/></network>""", false);
            ensureNetwork(INTERNAL, "<network><name>int-lab</name><bridge name='corral-lab0'/></network>", true);
        } catch (IllegalStateException cannotSetUp) {
            // libvirtd runs but this machine cannot make its networks (no bridges in a container, say).
            unavailable = "libvirtd runs but the test networks cannot be set up: " + cannotSetUp.getMessage().strip();
            System.out.println("SKIPPED real-QEMU engine tier: " + unavailable);
        }
    }

    /** Defines the network if missing; the external one stays inactive (no Open vSwitch bridge here). */
    private static void ensureNetwork(String name, String xml, boolean start) throws Exception {
        if (Virsh.run("net-info", name).exit() != 0) {
            Path file = Files.createTempFile("corral-net", ".xml");
            Files.writeString(file, xml);
            Virsh.require("net-define", file.toString());
        }
        if (start && !Virsh.run("net-info", name).output().matches("(?s).*Active:\\s+yes.*")) {
            Virsh.require("net-start", name);
        }
    }

    @Override
    protected HostConnection connectHostA() {
        Assumptions.assumeTrue(unavailable == null, () -> unavailable);
        return engine.connect(SYSTEM);
    }

    @Override
    protected HostConnection connectHostB() {
        return connectHostA();
    }

    @Override
    protected VmSpec spec(String name) {
        VmSpec base = super.spec(name);
        Path image = IMAGES.resolve(name + ".qcow2");
        try {
            Process process = new ProcessBuilder("qemu-img", "create", "-q", "-f", "qcow2", image.toString(), "64M")
                    .redirectErrorStream(true).start();
            if (process.waitFor() != 0) {
                throw new IllegalStateException("qemu-img failed: " + new String(process.getInputStream().readAllBytes()));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        images.add(image);
        return new VmSpec(name, 1, 64, base.architecture(), base.guestOs(),
                List.of(new VmSpec.Disk("system", VmSpec.DiskKind.DYNAMIC, VmSpec.Bus.IDE, 1, image.toString(), null)),
                base.networkAdapters(), base.integrationServices());
    }

    @Override
    protected boolean guestHonoursShutdown() {
        return false;
    }

    @Override
    protected boolean hasSecondHost() {
        return false;
    }

    @Test
    void quickMigrationNeedsAConfiguredSharedDirectory() {
        assertThat(hostA.capabilities().whyNot(Capability.QUICK_MIGRATION)).contains(
                "Quick migration needs a directory shared by the hosts (corral.engine.libvirt.migration-dir).");
    }

    /** libvirt reports a missing image as a system error, on a connection that is perfectly healthy. */
    @Test
    void aMissingImageIsAFailureNotALostHost() {
        VmSpec base = super.spec(name("noimage"));
        VmSpec missing = new VmSpec(base.name(), 1, 64, base.architecture(), base.guestOs(),
                List.of(new VmSpec.Disk("system", VmSpec.DiskKind.DYNAMIC, VmSpec.Bus.IDE, 1,
                        IMAGES.resolve(base.name() + "-missing.qcow2").toString(), null)),
                base.networkAdapters(), base.integrationServices());
        UUID id = hostA.define(missing).id();
        LibvirtLink link = ((LibvirtHostConnection) hostA).host().link;
        Connect before = link.current();

        assertThatThrownBy(() -> hostA.start(id)).isInstanceOf(EngineException.Failed.class)
                .hasMessageContaining("-missing.qcow2");

        assertThat(link.current()).as("the same, healthy connection").isSameAs(before);
        assertThat(hostA.vm(id).state()).isEqualTo(VmState.OFF);
    }

    @Test
    void disksOutsideTheImageDirectoryAreRefused() {
        VmSpec base = super.spec(name("shadow"));
        VmSpec shadow = new VmSpec(base.name(), 1, 64, base.architecture(), base.guestOs(),
                List.of(new VmSpec.Disk("system", VmSpec.DiskKind.FIXED, VmSpec.Bus.IDE, 1, "/etc/shadow", null)),
                base.networkAdapters(), base.integrationServices());

        assertThatThrownBy(() -> hostA.define(shadow)).isInstanceOf(EngineException.InvalidSpec.class)
                .hasMessageContaining("/var/lib/libvirt/images");
    }

    @AfterEach
    void removeImages() throws IOException {
        for (Path image : images) {
            Files.deleteIfExists(image);
        }
    }

    /** virsh against the system daemon, for what the test sets up outside Corral. */
    record Virsh(int exit, String output) {
        static Virsh run(String... args) throws IOException, InterruptedException {
            List<String> command = new ArrayList<>(List.of("virsh", "-c", SYSTEM.toString()));
            command.addAll(List.of(args));
            Process process;
            try {
                process = new ProcessBuilder(command).redirectErrorStream(true).start();
            } catch (IOException noVirsh) {
                return new Virsh(127, "virsh is not installed: " + noVirsh.getMessage());
            }
            String output = new String(process.getInputStream().readAllBytes());
            return new Virsh(process.waitFor(), output);
        }

        static void require(String... args) throws IOException, InterruptedException {
            Virsh result = run(args);
            if (result.exit() != 0) {
                throw new IllegalStateException("virsh " + String.join(" ", args) + " failed: " + result.output());
            }
        }
    }
}
