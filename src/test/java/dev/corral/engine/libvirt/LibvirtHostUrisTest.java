package dev.corral.engine.libvirt;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.corral.engine.EngineException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Host URI parameters libvirt would act on, on the Corral server, are refused; so are local hypervisors unless allowed. */
class LibvirtHostUrisTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "qemu+ssh://h/system?command=/tmp/x",
            "qemu+ext:///system?command=/tmp/x",
            "qemu+ssh://h/system?netcat=nc;rm%20-rf%20/",
            "qemu+ssh://h/system?socket=/var/run/docker.sock",
            "qemu+ssh://h/system?name=lxc:///",
            "qemu+ssh://h/system?known_hosts_verify=ignore",
            "qemu+ssh://h/system?keyfile=/k;command=/tmp/x",
            "qemu+ssh://h/system?keyfile=relative/key",
            "qemu+ssh://h/system?no_tty=1&authfile=/etc/shadow",
            "qemu+tls://h/system?no_verify=1",
            "qemu+tls://h/system?tls_priority=NONE",
            "esx://h/?no_verify=yes",
            "test:///tmp/node.xml?x=1",
            "qemu+ssh://h/system#fragment"})
    void unsafeParametersAreRefused(String uri) {
        assertThatThrownBy(() -> HostUris.check(URI.create(uri), LocalHosts.ANYWHERE)).isInstanceOf(EngineException.InvalidSpec.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "qemu+ssh://root@h/system?keyfile=/etc/corral/id_ed25519&no_tty=1",
            "qemu+ssh://h/system?known_hosts=/etc/corral/known_hosts&sshauth=agent,privkey&mode=direct",
            "qemu+tls://h/system?pkipath=/etc/corral/pki/h",
            "qemu:///system",
            "esx://h/?no_verify=1&transport=https",
            "hyperv://h/?transport=http",
            "test:///tmp/node.xml"})
    void credentialAndTransportParametersAreAllowed(String uri) {
        assertThatCode(() -> HostUris.check(URI.create(uri), LocalHosts.ANYWHERE)).doesNotThrowAnyException();
    }

    @Test
    void theRefusalNamesWhatIsAllowed() {
        assertThatThrownBy(() -> HostUris.check(URI.create("qemu+ssh://h/system?command=/tmp/x"), LocalHosts.ANYWHERE))
                .hasMessage("Host URI parameter \"command\" is not allowed for qemu+ssh:// hosts; Corral allows "
                        + "keyfile, known_hosts, mode, no_tty, sshauth.");
    }

    @Test
    void theEngineChecksBeforeConnecting() {
        LibvirtEngine engine = new LibvirtEngine("auto", "/var/lib/libvirt/images", null);
        assertThatThrownBy(() -> engine.connect(URI.create("qemu+ssh://h/system?command=/tmp/x")))
                .isInstanceOf(EngineException.InvalidSpec.class);
    }
    @ParameterizedTest
    @ValueSource(strings = {"test:///tmp/node.xml", "test:///default", "qemu:///system", "qemu:///session",
            "qemu+unix:///system", "QEMU:///system"})
    void hypervisorsOnTheCorralServerAreRefusedUnlessConfigured(String uri) {
        assertThatThrownBy(() -> HostUris.check(URI.create(uri), LocalHosts.NONE))
                .isInstanceOf(EngineException.InvalidSpec.class)
                .hasMessage("Corral does not connect to hypervisors on its own server here (corral.engine.libvirt.local-hosts "
                        + "is off); give the host's remote URI, e.g. qemu+ssh://root@host/system.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"qemu+ssh://h/system", "qemu+tls://h/system", "qemu://h/system", "esx://h/", "hyperv://h/"})
    void remoteHypervisorsNeedNoPermissionForLocalOnes(String uri) {
        assertThatCode(() -> HostUris.check(URI.create(uri), LocalHosts.NONE)).doesNotThrowAnyException();
    }

    @Test
    void testDriverNodeFilesAreTakenOnlyFromTheConfiguredFolder(@TempDir Path folder) throws IOException {
        Path node = Files.writeString(folder.resolve("node.xml"), "<node/>");
        Path outside = Files.writeString(Files.createTempFile("corral-outside", ".xml"), "<node/>");
        Files.createSymbolicLink(folder.resolve("link.xml"), outside);
        LocalHosts local = new LocalHosts(true, folder);
        try {
            assertThatCode(() -> HostUris.check(URI.create("test://" + node), local)).doesNotThrowAnyException();
            assertThatCode(() -> HostUris.check(URI.create("qemu:///system"), local)).doesNotThrowAnyException();
            for (String refused : List.of("test:///etc/passwd", "test://" + folder + "/../" + folder.getFileName() + "x/n.xml",
                    "test://" + folder + "/../../../../../../etc/passwd", "test://" + folder + "/link.xml",
                    "test://" + folder + "/%2e%2e/x.xml", "test://h" + node)) {
                assertThatThrownBy(() -> HostUris.check(URI.create(refused), local)).as(refused)
                        .isInstanceOf(EngineException.InvalidSpec.class)
                        .hasMessage("Corral takes libvirt test-driver node files only from its test-driver folder "
                                + "(corral.engine.libvirt.test-driver-dir).");
            }
            assertThatThrownBy(() -> HostUris.check(URI.create("test://" + node), new LocalHosts(true, null)))
                    .isInstanceOf(EngineException.InvalidSpec.class);
        } finally {
            Files.deleteIfExists(outside);
        }
    }

    @Test
    void theEngineRefusesAServerFileBeforeLibvirtReadsIt() {
        LibvirtEngine engine = new LibvirtEngine(new LibvirtSettings("auto", null, null, null, LocalHosts.NONE));
        assertThatThrownBy(() -> engine.connect(URI.create("test:///etc/passwd")))
                .isInstanceOf(EngineException.InvalidSpec.class).message().doesNotContain("root:");
    }
}
