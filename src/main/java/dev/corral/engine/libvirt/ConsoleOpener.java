package dev.corral.engine.libvirt;

import dev.corral.engine.Capability;
import dev.corral.engine.ConsoleStream;
import dev.corral.engine.EngineException;
import dev.corral.engine.VmState;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.Optional;
import java.util.UUID;
import org.libvirt.Domain;
import org.libvirt.LibvirtException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens a running VM's screen. By default libvirt hands over a socket already connected to the
 * display (virDomainOpenGraphicsFD), so the display may listen on loopback only and needs no
 * password; that passes a file descriptor, which only a connection over a UNIX socket can carry.
 * Where configured, Corral connects to the display's TCP port itself and answers its password.
 */
final class ConsoleOpener {

    private static final Logger log = LoggerFactory.getLogger(ConsoleOpener.class);
    private static final int CONNECT_TIMEOUT_MS = 5_000;

    private final LibvirtHost host;

    ConsoleOpener(LibvirtHost host) {
        this.host = host;
    }

    ConsoleStream open(UUID vmId) {
        host.capabilities.require(Capability.CONSOLE);
        String doing = "Could not open the screen of VM " + vmId + " on host " + host.label;
        return host.call(doing, connect -> host.withDomain(connect, vmId, domain -> {
            String name = domain.getName();
            VmState state = DomainStates.of(domain);
            if (state != VmState.RUNNING && state != VmState.PAUSED) {
                throw new EngineException.InvalidState("VM " + name + " is " + DomainStates.describe(state)
                        + "; start it to see its screen.");
            }
            DisplayXml.Vnc vnc = vnc(name, domain.getXMLDesc(host.settings.console().direct() ? LibvirtHost.XML_SECURE : 0));
            if (host.settings.console().direct()) {
                return direct(name, vnc);
            }
            try {
                return new FdConsole(GraphicsFd.open(domain, vnc.index()));
            } catch (LibvirtException e) {
                throw host.fail(connect, e, "Could not open the screen of VM " + name + " on host " + host.label);
            }
        }));
    }

    private DisplayXml.Vnc vnc(String name, String liveXml) {
        return switch (DisplayXml.read(liveXml)) {
            case DisplayXml.Screen.Found found -> found.vnc();
            case DisplayXml.Screen.None none -> throw new EngineException.Unsupported("VM " + name
                    + " has no graphical display; give it a VNC display (virt-manager, virsh edit) to see its screen.");
            case DisplayXml.Screen.OtherOnly other -> throw new EngineException.Unsupported("VM " + name
                    + " has only a " + String.join(", ", other.types()).toUpperCase(java.util.Locale.ROOT)
                    + " display, and Corral's console speaks VNC only; add a VNC display to see its screen here.");
        };
    }

    /**
     * Why a host's screens cannot be shown the way the settings say, or null: libvirt hands over a
     * display's socket as a file descriptor, which only its UNIX socket transport (qemu:/// and
     * qemu+unix://) can carry; over ssh, tls or tcp only a direct connection to the port works.
     */
    static String whyNot(URI uri, ConsoleSettings console) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        boolean local = uri.getHost() == null || uri.getHost().isBlank();
        boolean unixSocket = scheme.equals("qemu+unix") || scheme.equals("qemu") && local;
        if (console.direct() || unixSocket || HostProfile.of(uri) != HostProfile.QEMU) {
            return null;
        }
        return "Corral shows a VM's screen through libvirt, which hands over the display only on connections over "
                + "a UNIX socket (qemu:/// or qemu+unix://), not over " + scheme + "; set "
                + "corral.engine.libvirt.console.direct=true to connect to the display's port instead.";
    }

    private ConsoleStream direct(String name, DisplayXml.Vnc vnc) {
        if (vnc.port() <= 0) {
            throw new EngineException.Unsupported("VM " + name + "'s VNC display has no TCP port (it may listen on a "
                    + "UNIX socket), so Corral cannot connect to it directly.");
        }
        boolean remote = host.uri.getHost() != null && !host.uri.getHost().isBlank()
                && !host.uri.getHost().equals("localhost");
        if (remote && vnc.listen() != null && ConsoleSettings.isLoopback(vnc.listen())) {
            throw new EngineException.Unsupported("VM " + name + "'s VNC display listens on loopback only, which "
                    + "Corral cannot reach on host " + host.label + " directly; set corral.engine.libvirt.console.listen "
                    + "to an address of the host, or use a qemu:/// or qemu+unix:// connection.");
        }
        String address = vnc.listen() == null || ConsoleSettings.isWildcard(vnc.listen()) ? hostName() : vnc.listen();
        try {
            Socket socket = new Socket();
            socket.connect(new InetSocketAddress(address, vnc.port()), CONNECT_TIMEOUT_MS);
            socket.setTcpNoDelay(true);
            return new SocketConsole(socket, Optional.ofNullable(vnc.password()));
        } catch (IOException e) {
            log.warn("Connecting to the display of VM {} at {}:{} failed: {}", name, address, vnc.port(), e.toString());
            throw new EngineException.HostUnreachable("Could not connect to the screen of VM " + name + " at "
                    + address + ":" + vnc.port() + "; the display's port must be reachable from Corral.", e);
        }
    }

    private String hostName() {
        return host.uri.getHost() == null || host.uri.getHost().isBlank() ? "localhost" : host.uri.getHost();
    }

    /** A display reached over TCP, with the password its XML states. */
    private record SocketConsole(Socket socket, Optional<String> password) implements ConsoleStream {
        @Override
        public InputStream input() {
            try {
                return socket.getInputStream();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public OutputStream output() {
            try {
                return socket.getOutputStream();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException e) {
                log.debug("Closing a display socket failed: {}", e.toString());
            }
        }
    }
}
