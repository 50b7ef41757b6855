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
        if (literal(listen) == null) {
            throw new IllegalArgumentException("corral.engine.libvirt.console.listen is an IP address, not " + listen);
        }
    }

    /** Whether only processes on the host can reach {@code address}, so it needs no password. */
    static boolean isLoopback(String address) {
        InetAddress ip = literal(address);
        return ip != null && ip.isLoopbackAddress();
    }

    boolean needsPassword() {
        return !isLoopback(listen);
    }

    /** Whether a display listening on {@code address} listens everywhere, so the host's own name reaches it. */
    static boolean isWildcard(String address) {
        InetAddress ip = literal(address);
        return ip != null && ip.isAnyLocalAddress();
    }

    /** {@code address} as an IP address, or null when it is not an IPv4 or IPv6 literal (never a name to look up). */
    static InetAddress literal(String address) {
        if (address == null || !(address.matches("\\d{1,3}(\\.\\d{1,3}){3}") || address.matches("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*"))) {
            return null;
        }
        try {
            return InetAddress.getByName(address);
        } catch (java.net.UnknownHostException e) {
            return null;
        }
    }
}
