package dev.corral.network;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/** Consecutive VLANs a switch carries, {@code first} to {@code last} inclusive: how the inventory keeps them. */
@Embeddable
public record VlanRange(@Column(name = "first_vlan") int first, @Column(name = "last_vlan") int last) {

    public boolean contains(int vlan) {
        return vlan >= first && vlan <= last;
    }

    public int size() {
        return last - first + 1;
    }

    /** The tags as the fewest ranges: 10, 11, 12, 20 as 10-12 and 20-20. */
    public static List<VlanRange> of(Collection<Integer> tags) {
        List<VlanRange> ranges = new ArrayList<>();
        int first = -1;
        int last = -1;
        for (int tag : new TreeSet<>(tags)) {
            if (first >= 0 && tag == last + 1) {
                last = tag;
                continue;
            }
            if (first >= 0) {
                ranges.add(new VlanRange(first, last));
            }
            first = tag;
            last = tag;
        }
        if (first >= 0) {
            ranges.add(new VlanRange(first, last));
        }
        return ranges;
    }

    /** Every tag of the ranges. */
    public static SortedSet<Integer> tags(Collection<VlanRange> ranges) {
        SortedSet<Integer> tags = new TreeSet<>();
        for (VlanRange range : ranges) {
            for (int tag = range.first; tag <= range.last; tag++) {
                tags.add(tag);
            }
        }
        return tags;
    }
}
