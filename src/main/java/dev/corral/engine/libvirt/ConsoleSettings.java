package dev.corral.engine.libvirt;

import java.net.InetAddress;

/**
 * How VM screens are reached.
 *
 * @param listen where the VNC display of a VM Corral defines listens
 *               ({@code corral.engine.libvirt.console.listen}); loopback by default, so that only
 *               libvirt's own channel reaches it. Any other address gets a per-domain password,
 *               since anyone who can reach that address could otherwise watch and type.
 * @param direct whether Corral connects to the display's TCP port itself
 *               ({@code corral.engine.libvirt.console.direct}) instead of asking libvirt for a
 *               connected socket; for routes that cannot pass sockets (see {@link ConsoleOpener}).
 */
record ConsoleSettings(String listen, boolean direct) {

    static final String LOOPBACK = "127.0.0.1";
    static final ConsoleSettings DEFAULT = new ConsoleSettings(LOOPBACK, false);

    ConsoleSettings {
        listen = listen == null || listen.isBlank() ? LOOPBACK : listen.strip();
        if (!listen.matches("[0-9A-Fa-f.:]+")) {
            throw new IllegalArgumentException("corral.engine.libvirt.console.listen is an IP address, not " + listen);
        }
    }

    /** Whether only processes on the host can reach {@code address}, so it needs no password. */
    static boolean isLoopback(String address) {
        try {
            return InetAddress.ofLiteral(address).isLoopbackAddress();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    boolean needsPassword() {
        return !isLoopback(listen);
    }

    /** Whether a display listening on {@code address} listens everywhere, so the host's own name reaches it. */
    static boolean isWildcard(String address) {
        try {
            return InetAddress.ofLiteral(address).isAnyLocalAddress();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
