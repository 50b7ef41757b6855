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
 * apart, so the kind lives in Corral's metadata with the allowed VLANs, as ranges). Each VLAN a
 * switch carries is also a portgroup ({@code vlan-42}, and {@code vlan-trunk} with all of them),
 * so that VMs defined with libvirt's own tools can join it by name.
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
        Xml.add(network, "metadata");
        if (spec.kind() == VirtualSwitch.Kind.EXTERNAL) {
            Xml.add(network, "forward", "mode", "bridge");
            Xml.add(network, "bridge", "name", spec.physicalAdapter());
            Xml.add(network, "virtualport", "type", "openvswitch");
        } else {
            Xml.add(network, "bridge", "name", bridgeName(spec.name()));
        }
        writePolicy(network, spec);
        return Xml.write(doc);
    }

    /**
     * A network's definition changed to carry {@code wanted}'s VLANs and, for an external switch
     * Corral made, to bridge to its adapter; everything else (uuid, addresses, foreign portgroups)
     * stays as the host has it.
     */
    static String rewrite(String xml, VirtualSwitch wanted) {
        Document doc = Xml.parse(xml);
        Element network = doc.getDocumentElement();
        Element metadata = Xml.element(network, "metadata");
        if (metadata == null) {
            metadata = doc.createElement("metadata");
            Element after = Xml.element(network, "uuid");
            after = after == null ? Xml.element(network, "name") : after;
            network.insertBefore(metadata, after == null ? network.getFirstChild() : after.getNextSibling());
        }
        Xml.elements(metadata, "c:switch").forEach(metadata::removeChild);
        if (wanted.kind() == VirtualSwitch.Kind.EXTERNAL) {
            Element bridge = Xml.element(network, "bridge");
            if (bridge != null) {
                bridge.setAttribute("name", wanted.physicalAdapter());
            }
        }
        writePolicy(network, wanted);
        return Xml.write(doc);
    }

    /** Corral's metadata (kind, VLAN ranges) and the portgroups through which VMs join the VLANs. */
    private static void writePolicy(Element network, VirtualSwitch spec) {
        Element metadata = Xml.element(network, "metadata");
        Element meta = Xml.addCorral(metadata, "switch", "kind", spec.kind().name());
        for (int[] range : ranges(spec.allowedVlans())) {
            Xml.addCorral(meta, "vlan", "id", Integer.toString(range[0]),
                    "to", range[1] == range[0] ? null : Integer.toString(range[1]));
        }
        VlanXml.writePortgroups(network, spec.allowedVlans());
    }

    /** Consecutive tags as ranges: 10, 11, 12, 20 as [10, 12] and [20, 20]. */
    private static java.util.List<int[]> ranges(java.util.SortedSet<Integer> tags) {
        java.util.List<int[]> ranges = new java.util.ArrayList<>();
        for (int tag : tags) {
            int[] last = ranges.isEmpty() ? null : ranges.getLast();
            if (last != null && last[1] == tag - 1) {
                last[1] = tag;
            } else {
                ranges.add(new int[] {tag, tag});
            }
        }
        return ranges;
    }

    /** Whether Corral's metadata describes the network; else its kind and adapter are guessed from libvirt's XML. */
    static boolean madeByCorral(String xml) {
        return Xml.element(Xml.parse(xml).getDocumentElement(), "metadata/c:switch") != null;
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
            for (Element vlan : Xml.elements(meta, "c:vlan")) {
                int from = Integer.parseInt(vlan.getAttribute("id"));
                int to = vlan.hasAttribute("to") ? Integer.parseInt(vlan.getAttribute("to")) : from;
                for (int tag = from; tag <= to; tag++) {
                    vlans.add(tag);
                }
            }
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
