package dev.corral.engine.libvirt;

import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Element;

/**
 * The screen of a domain in its XML: the VNC display Corral gives the VMs it defines, and the
 * display a running domain has, Corral's or not, read as it is.
 */
final class DisplayXml {

    /** VNC Authentication uses the first 8 characters of a password and ignores the rest. */
    static final int PASSWORD_LENGTH = 8;
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * A domain's first VNC display.
     *
     * @param index    its position among all the domain's displays, as virDomainOpenGraphicsFD counts
     * @param listen   the address it listens on, or null where the XML names none
     * @param port     its TCP port, or -1 where it has none (not running, or a UNIX socket)
     * @param password its password, or null; present only in XML read with VIR_DOMAIN_XML_SECURE
     */
    record Vnc(int index, String listen, int port, String password) {
    }

    /** What a running domain's XML offers for a screen. */
    sealed interface Screen {
        record None() implements Screen {
        }

        /** Displays, but none speaking VNC (SPICE, say); {@code types} names them. */
        record OtherOnly(List<String> types) implements Screen {
        }

        record Found(Vnc vnc) implements Screen {
        }
    }

    private DisplayXml() {
    }

    /**
     * Gives a new domain a VNC display on the configured address, and a password where that
     * address is not loopback; a redefined domain keeps the displays and video it had, so that a
     * change of memory never changes who may see the screen.
     */
    static void write(Element devices, ConsoleSettings console, List<Element> previous) {
        boolean hasGraphics = previous.stream().anyMatch(e -> e.getTagName().equals("graphics"));
        boolean hasVideo = previous.stream().anyMatch(e -> e.getTagName().equals("video"));
        for (Element element : previous) {
            devices.appendChild(devices.getOwnerDocument().importNode(element, true));
        }
        if (!hasGraphics) {
            Element graphics = Xml.add(devices, "graphics", "type", "vnc", "autoport", "yes", "listen", console.listen());
            if (console.needsPassword()) {
                graphics.setAttribute("passwd", newPassword());
            }
            Xml.add(graphics, "listen", "type", "address", "address", console.listen());
        }
        if (!hasVideo) {
            Xml.add(Xml.add(devices, "video"), "model", "type", "vga");
        }
    }

    /** The displays and video devices of a domain as its (secure, inactive) XML states them. */
    static List<Element> previous(Element domain) {
        return Xml.elements(domain, "devices/graphics | devices/video");
    }

    static String newPassword() {
        StringBuilder password = new StringBuilder(PASSWORD_LENGTH);
        for (int i = 0; i < PASSWORD_LENGTH; i++) {
            password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }

    /** Reads the screen a domain offers from its XML, leniently so that any domain answers. */
    static Screen read(String xml) {
        List<Element> graphics = Xml.elements(Xml.parse(xml).getDocumentElement(), "devices/graphics");
        if (graphics.isEmpty()) {
            return new Screen.None();
        }
        for (int i = 0; i < graphics.size(); i++) {
            Element g = graphics.get(i);
            if ("vnc".equals(g.getAttribute("type"))) {
                return new Screen.Found(new Vnc(i, listen(g).orElse(null), port(g),
                        Xml.attributeOrNull(g, "passwd")));
            }
        }
        return new Screen.OtherOnly(graphics.stream().map(g -> g.getAttribute("type")).toList());
    }

    private static Optional<String> listen(Element graphics) {
        String nested = Xml.textOrNull(graphics, "listen[@type='address']/@address");
        if (nested != null && !nested.isBlank()) {
            return Optional.of(nested.strip());
        }
        String attribute = Xml.attributeOrNull(graphics, "listen");
        return attribute == null || attribute.isBlank() ? Optional.empty() : Optional.of(attribute.strip());
    }

    private static int port(Element graphics) {
        String port = Xml.attributeOrNull(graphics, "port");
        try {
            return port == null ? -1 : Integer.parseInt(port.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
