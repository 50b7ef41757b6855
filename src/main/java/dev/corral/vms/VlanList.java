package dev.corral.vms;

import dev.corral.base.InvalidInputException;
import dev.corral.engine.VlanSetting;
import java.util.SortedSet;
import java.util.TreeSet;

/** VLAN lists as administrators write them: "10, 20, 100-110". */
public final class VlanList {

    private VlanList() {
    }

    /** The tags of a list; each problem is reported at {@code field}. */
    public static SortedSet<Integer> parse(String text, String field) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException(field, "Give the VLANs, for example 10, 20, 100-110.");
        }
        SortedSet<Integer> tags = new TreeSet<>();
        for (String part : text.split("[,;\\s]+")) {
            if (part.isEmpty()) {
                continue;
            }
            String[] ends = part.split("-", -1);
            if (ends.length > 2) {
                throw new InvalidInputException(field, "\"" + part + "\" is neither a VLAN nor a range such as 100-110.");
            }
            int from = tag(ends[0], part, field);
            int to = ends.length == 2 ? tag(ends[1], part, field) : from;
            if (to < from) {
                throw new InvalidInputException(field, "The range " + part + " runs backwards.");
            }
            for (int tag = from; tag <= to; tag++) {
                tags.add(tag);
            }
        }
        if (tags.isEmpty()) {
            throw new InvalidInputException(field, "Give the VLANs, for example 10, 20, 100-110.");
        }
        return tags;
    }

    /** The shortest way to write the tags: "10, 20, 100-110". */
    public static String format(java.util.Collection<Integer> tags) {
        StringBuilder out = new StringBuilder();
        Integer start = null;
        Integer last = null;
        for (int tag : new TreeSet<>(tags)) {
            if (last != null && tag == last + 1) {
                last = tag;
                continue;
            }
            append(out, start, last);
            start = tag;
            last = tag;
        }
        append(out, start, last);
        return out.toString();
    }

    /** A VLAN setting in words: "VLAN 42", "VLANs 10, 20 (trunk)", "no VLAN". */
    public static String describe(VlanSetting vlan) {
        return switch (vlan) {
            case VlanSetting.Untagged u -> "no VLAN";
            case VlanSetting.Access a -> "VLAN " + a.tag();
            case VlanSetting.Trunk t -> "VLANs " + format(t.tags()) + " (trunk)";
        };
    }

    private static void append(StringBuilder out, Integer start, Integer last) {
        if (start == null) {
            return;
        }
        if (!out.isEmpty()) {
            out.append(", ");
        }
        out.append(start.equals(last) ? String.valueOf(start) : start + "-" + last);
    }

    private static int tag(String text, String part, String field) {
        int tag;
        try {
            tag = Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "\"" + part + "\" is neither a VLAN nor a range such as 100-110.");
        }
        if (tag < VlanSetting.MIN_TAG || tag > VlanSetting.MAX_TAG) {
            throw new InvalidInputException(field, "VLAN " + tag + " is not a usable 802.1Q tag: use 1 to 4094 "
                    + "(0 and 4095 are reserved).");
        }
        return tag;
    }
}
