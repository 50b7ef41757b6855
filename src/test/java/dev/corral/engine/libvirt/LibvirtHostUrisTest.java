package dev.corral.engine.libvirt;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.corral.engine.EngineException;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Host URI parameters libvirt would act on, on the Corral server, are refused. */
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
        assertThatThrownBy(() -> HostUris.check(URI.create(uri))).isInstanceOf(EngineException.InvalidSpec.class);
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
        assertThatCode(() -> HostUris.check(URI.create(uri))).doesNotThrowAnyException();
    }

    @Test
    void theRefusalNamesWhatIsAllowed() {
        assertThatThrownBy(() -> HostUris.check(URI.create("qemu+ssh://h/system?command=/tmp/x")))
                .hasMessage("Host URI parameter \"command\" is not allowed for qemu+ssh:// hosts; Corral allows "
                        + "keyfile, known_hosts, mode, no_tty, sshauth.");
    }

    @Test
    void theEngineChecksBeforeConnecting() {
        LibvirtEngine engine = new LibvirtEngine("auto", "/var/lib/libvirt/images", null);
        assertThatThrownBy(() -> engine.connect(URI.create("qemu+ssh://h/system?command=/tmp/x")))
                .isInstanceOf(EngineException.InvalidSpec.class);
    }
}
