package dev.corral.network;

import dev.corral.engine.VlanSetting;
import dev.corral.vms.VlanList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The VLANs a virtual switch carries, as administrators write them ("10, 20, 100-110", each 1 to
 * 4094; nothing for any VLAN), and what they mean for the adapters connected to it.
 */
public final class VlanPolicy {

    private VlanPolicy() {
    }

    /**
     * The VLANs of a switch's policy; blank (or "any") means the switch carries any VLAN. A tag
     * outside 1–4094 (0 and 4095 are reserved) or a malformed entry is refused at {@code field}.
     */
    public static SortedSet<Integer> parse(String text, String field) {
        if (text == null || text.isBlank() || text.strip().toLowerCase(Locale.ROOT).equals("any")) {
            return new TreeSet<>();
        }
        return VlanList.parse(text, field);
    }

    /** "10, 20, 100-110", or "any VLAN" for a switch without a restriction. */
    public static String describe(Collection<Integer> tags) {
        return tags.isEmpty() ? "any VLAN" : VlanList.format(tags);
    }

    /** {@link #describe} for ranges. */
    public static String describeRanges(List<VlanRange> ranges) {
        if (ranges.isEmpty()) {
            return "any VLAN";
        }
        StringBuilder out = new StringBuilder();
        for (VlanRange range : ranges) {
            if (!out.isEmpty()) {
                out.append(", ");
            }
            out.append(range.first() == range.last() ? String.valueOf(range.first()) : range.first() + "-" + range.last());
        }
        return out.toString();
    }

    /** The VLANs an adapter uses: its access tag or its trunk's tags; none when it is untagged. */
    public static SortedSet<Integer> used(VlanSetting vlan) {
        return switch (vlan) {
            case VlanSetting.Untagged u -> new TreeSet<>();
            case VlanSetting.Access a -> new TreeSet<>(List.of(a.tag()));
            case VlanSetting.Trunk t -> new TreeSet<>(t.tags());
        };
    }

    /** Whether a switch with these ranges carries the VLAN; no ranges: any VLAN. */
    public static boolean carries(List<VlanRange> ranges, int vlan) {
        return ranges.isEmpty() || ranges.stream().anyMatch(r -> r.contains(vlan));
    }

    /** The adapter's VLANs that a switch with these ranges does not carry. */
    public static SortedSet<Integer> uncarried(VlanSetting vlan, List<VlanRange> ranges) {
        SortedSet<Integer> missing = new TreeSet<>();
        for (int tag : used(vlan)) {
            if (!carries(ranges, tag)) {
                missing.add(tag);
            }
        }
        return missing;
    }

    /**
     * The adapter's VLANs that the switch carries now and would not carry with the new policy: what
     * a change would cut off (VLANs it already lacks are a mismatch, not this change's doing).
     */
    public static SortedSet<Integer> cutOff(VlanSetting vlan, Collection<Integer> before, Collection<Integer> after) {
        List<VlanRange> was = VlanRange.of(before);
        List<VlanRange> will = VlanRange.of(after);
        SortedSet<Integer> lost = new TreeSet<>();
        for (int tag : used(vlan)) {
            if (carries(was, tag) && !carries(will, tag)) {
                lost.add(tag);
            }
        }
        return lost;
    }

    /** "VLAN 20" or "VLANs 20, 30". */
    public static String name(Collection<Integer> tags) {
        return (tags.size() == 1 ? "VLAN " : "VLANs ") + VlanList.format(tags);
    }
}
