package dev.corral.engine.libvirt;

import dev.corral.engine.VirtualSwitch;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.TreeSet;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A virtual switch as a libvirt network. External switches are Open vSwitch bridges on the
 * physical adapter; internal and private ones are isolated networks (libvirt cannot tell them
 * apart, so the kind lives in Corral's metadata with the allowed VLANs).
 */
final class NetworkXml {

    /** A network as Corral sees it; only Open vSwitch networks can carry VLAN tags on real libvirt. */
    record Parsed(VirtualSwitch virtualSwitch, boolean openVswitch) {
    }

    private NetworkXml() {
    }

    static String build(VirtualSwitch spec) {
        Document doc = Xml.newDocument("network");
        Element network = doc.getDocumentElement();
        Xml.addText(network, "name", spec.name());
        Element meta = Xml.addCorral(Xml.add(network, "metadata"), "switch", "kind", spec.kind().name());
        spec.allowedVlans().forEach(tag -> Xml.addCorral(meta, "vlan", "id", tag.toString()));
        if (spec.kind() == VirtualSwitch.Kind.EXTERNAL) {
            Xml.add(network, "forward", "mode", "bridge");
            Xml.add(network, "bridge", "name", spec.physicalAdapter());
            Xml.add(network, "virtualport", "type", "openvswitch");
        } else {
            Xml.add(network, "bridge", "name", bridgeName(spec.name()));
        }
        return Xml.write(doc);
    }

    /** Linux limits interface names to 15 characters; a hash keeps long switch names apart. */
    static String bridgeName(String switchName) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(switchName.getBytes(StandardCharsets.UTF_8));
            return "crl-" + HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Reads a network. One Corral did not create is EXTERNAL when it forwards to a bridge or
     * device (bridge, passthrough, macvtap modes) and INTERNAL otherwise (isolated, nat, route,
     * open), as the host itself takes part in those; PRIVATE cannot be told from libvirt's XML.
     */
    static Parsed parse(String xml) {
        Element network = Xml.parse(xml).getDocumentElement();
        String name = Xml.text(network, "name");
        boolean ovs = "openvswitch".equals(Xml.text(network, "virtualport/@type"));
        Element meta = Xml.element(network, "metadata/c:switch");
        String bridge = Xml.textOrNull(network, "bridge/@name");
        if (meta != null) {
            VirtualSwitch.Kind kind = VirtualSwitch.Kind.valueOf(meta.getAttribute("kind"));
            TreeSet<Integer> vlans = new TreeSet<>();
            Xml.elements(meta, "c:vlan").forEach(v -> vlans.add(Integer.valueOf(v.getAttribute("id"))));
            return new Parsed(new VirtualSwitch(name, kind, kind == VirtualSwitch.Kind.EXTERNAL ? bridge : null,
                    vlans), ovs);
        }
        String mode = Xml.text(network, "forward/@mode");
        boolean external = switch (mode) {
            case "", "nat", "route", "open" -> false;
            default -> true;
        };
        if (!external) {
            return new Parsed(new VirtualSwitch(name, VirtualSwitch.Kind.INTERNAL, null, null), ovs);
        }
        String device = firstNonBlank(Xml.text(network, "forward/@dev"), Xml.text(network, "forward/interface/@dev"),
                bridge, "unknown");
        return new Parsed(new VirtualSwitch(name, VirtualSwitch.Kind.EXTERNAL, device, null), ovs);
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
