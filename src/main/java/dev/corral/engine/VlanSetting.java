package dev.corral.engine;

import java.util.SortedSet;
import java.util.TreeSet;

/** How a VM network adapter uses 802.1Q: untagged, one access tag, or a trunk of tags. */
public sealed interface VlanSetting permits VlanSetting.Untagged, VlanSetting.Access, VlanSetting.Trunk {

    int MIN_TAG = 1;
    int MAX_TAG = 4094;

    static void checkTag(int tag) {
        if (tag < MIN_TAG || tag > MAX_TAG) {
            throw new EngineException.InvalidSpec("VLAN " + tag + " is not a usable 802.1Q tag: use 1 to 4094 "
                    + "(0 and 4095 are reserved).");
        }
    }

    record Untagged() implements VlanSetting {
    }

    record Access(int tag) implements VlanSetting {
        public Access {
            checkTag(tag);
        }
    }

    /** A trunk carrying the given tags; untagged frames belong to the native tag, if any. */
    record Trunk(SortedSet<Integer> tags, Integer nativeTag) implements VlanSetting {
        public Trunk {
            if (tags == null || tags.isEmpty()) {
                throw new EngineException.InvalidSpec("A VLAN trunk needs at least one tag.");
            }
            tags.forEach(VlanSetting::checkTag);
            tags = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(tags));
            if (nativeTag != null) {
                checkTag(nativeTag);
                if (!tags.contains(nativeTag)) {
                    throw new EngineException.InvalidSpec("The native VLAN " + nativeTag + " must be one of the trunk's tags.");
                }
            }
        }
    }
}
