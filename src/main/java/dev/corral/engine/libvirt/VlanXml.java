package dev.corral.engine.libvirt;

import dev.corral.engine.VlanSetting;
import java.util.Arrays;
import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.w3c.dom.Element;

/**
 * A VLAN setting as libvirt's {@code <vlan>} and as attributes of Corral's adapter metadata; a
 * switch's VLANs as the portgroups of its network.
 */
final class VlanXml {

    /** The portgroup that carries every VLAN of the switch tagged, for trunk adapters. */
    static final String TRUNK_PORTGROUP = "vlan-trunk";
    private static final Pattern CORRAL_PORTGROUP = Pattern.compile("vlan-(\\d+|trunk)");

    private VlanXml() {
    }

    /** The portgroup through which an adapter joins VLAN {@code tag} untagged (an access port). */
    static String portgroup(int tag) {
        return "vlan-" + tag;
    }

    /**
     * Replaces the portgroups Corral made with one per VLAN the switch carries ({@code vlan-42}:
     * access to VLAN 42) and {@link #TRUNK_PORTGROUP} tagging all of them; portgroups the host's
     * administrator made stay. A switch that carries any VLAN gets none: adapters say their own tags.
     */
    static void writePortgroups(Element network, SortedSet<Integer> tags) {
        for (Element portgroup : Xml.elements(network, "portgroup")) {
            if (CORRAL_PORTGROUP.matcher(portgroup.getAttribute("name")).matches()) {
                network.removeChild(portgroup);
            }
        }
        if (tags.isEmpty()) {
            return;
        }
        for (int tag : tags) {
            write(Xml.add(network, "portgroup", "name", portgroup(tag)), new VlanSetting.Access(tag));
        }
        write(Xml.add(network, "portgroup", "name", TRUNK_PORTGROUP), new VlanSetting.Trunk(tags, null));
    }

    /** The VLAN each of Corral's access portgroups gives, by portgroup name. */
    static SortedMap<String, VlanSetting> readPortgroups(Element network) {
        SortedMap<String, VlanSetting> found = new TreeMap<>();
        for (Element portgroup : Xml.elements(network, "portgroup")) {
            String name = portgroup.getAttribute("name");
            if (CORRAL_PORTGROUP.matcher(name).matches()) {
                found.put(name, read(portgroup));
            }
        }
        return found;
    }

    static void write(Element iface, VlanSetting vlan) {
        switch (vlan) {
            case VlanSetting.Untagged untagged -> { }
            case VlanSetting.Access access -> Xml.add(Xml.add(iface, "vlan"), "tag", "id", Integer.toString(access.tag()));
            case VlanSetting.Trunk trunk -> {
                Element element = Xml.add(iface, "vlan", "trunk", "yes");
                for (int tag : trunk.tags()) {
                    Xml.add(element, "tag", "id", Integer.toString(tag),
                            "nativeMode", Integer.valueOf(tag).equals(trunk.nativeTag()) ? "untagged" : null);
                }
            }
        }
    }

    static VlanSetting read(Element iface) {
        Element vlan = Xml.element(iface, "vlan");
        if (vlan == null) {
            return new VlanSetting.Untagged();
        }
        List<Element> tags = Xml.elements(vlan, "tag");
        if (tags.isEmpty()) {
            return new VlanSetting.Untagged();
        }
        if (!"yes".equals(vlan.getAttribute("trunk")) && tags.size() == 1) {
            return new VlanSetting.Access(Integer.parseInt(tags.get(0).getAttribute("id")));
        }
        TreeSet<Integer> ids = new TreeSet<>();
        Integer nativeTag = null;
        for (Element tag : tags) {
            int id = Integer.parseInt(tag.getAttribute("id"));
            ids.add(id);
            if (tag.hasAttribute("nativeMode")) {
                nativeTag = id;
            }
        }
        return new VlanSetting.Trunk(ids, nativeTag);
    }

    static void writeMetadata(Element adapter, VlanSetting vlan) {
        switch (vlan) {
            case VlanSetting.Untagged untagged -> adapter.setAttribute("vlan", "untagged");
            case VlanSetting.Access access -> {
                adapter.setAttribute("vlan", "access");
                adapter.setAttribute("vlan-tags", Integer.toString(access.tag()));
            }
            case VlanSetting.Trunk trunk -> {
                adapter.setAttribute("vlan", "trunk");
                adapter.setAttribute("vlan-tags", trunk.tags().stream().map(String::valueOf)
                        .collect(Collectors.joining(" ")));
                if (trunk.nativeTag() != null) {
                    adapter.setAttribute("vlan-native", trunk.nativeTag().toString());
                }
            }
        }
    }

    static VlanSetting readMetadata(Element adapter) {
        String mode = adapter.getAttribute("vlan");
        String tags = adapter.getAttribute("vlan-tags");
        return switch (mode) {
            case "access" -> new VlanSetting.Access(Integer.parseInt(tags));
            case "trunk" -> new VlanSetting.Trunk(Arrays.stream(tags.split(" ")).map(Integer::valueOf)
                    .collect(Collectors.toCollection(TreeSet::new)),
                    adapter.hasAttribute("vlan-native") ? Integer.valueOf(adapter.getAttribute("vlan-native")) : null);
            default -> new VlanSetting.Untagged();
        };
    }
}
