package dev.corral.network;

import dev.corral.engine.VlanSetting;
import dev.corral.vms.AdapterUse;
import dev.corral.vms.VlanList;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.UUID;

/**
 * The VLAN map worked out from switches and adapters already read: which VLANs exist (carried by a
 * switch or used by an adapter), who carries and uses each, and which uses are mismatches. VLANs
 * are 1 to 4094, so they are counted and paged over a table of that size rather than by listing
 * every tag of every range.
 */
final class VlanMapping {

    /** A switch with the VLANs it carries; no ranges: any VLAN. */
    record Switch(UUID id, UUID hostId, String hostName, String name, List<VlanRange> ranges) {
        boolean carries(int vlan) {
            return VlanPolicy.carries(ranges, vlan);
        }

        boolean anyVlan() {
            return ranges.isEmpty();
        }
    }

    /** An adapter with its switch (null if the host has none of that name) and the VLANs it uses. */
    private record Use(AdapterUse adapter, String hostName, Switch connected, boolean switchKnown, SortedSet<Integer> tags) {

        /** Why the adapter's use of {@code vlan} is a mismatch, or null. */
        String problem(int vlan) {
            if (connected == null) {
                return switchKnown ? "switch " + adapter.adapter().switchName() + " no longer exists on " + hostName : null;
            }
            return connected.carries(vlan) ? null : "switch " + connected.name() + " does not carry VLAN " + vlan;
        }

        /** Why the adapter as a whole is mismatched, or null. */
        String problem() {
            if (connected == null) {
                return problem(0);
            }
            SortedSet<Integer> missing = VlanPolicy.uncarried(adapter.adapter().vlan(), connected.ranges());
            return missing.isEmpty() ? null : "switch " + connected.name() + " does not carry " + VlanPolicy.name(missing);
        }

        VlanUse view(String mode, String problem) {
            return new VlanUse(adapter.vmId(), adapter.vmName(), adapter.hostId(), hostName, adapter.adapter().switchName(),
                    adapter.index(), mode, VlanList.describe(adapter.adapter().vlan()), problem);
        }
    }

    private static final int MAX = 4094;

    private final List<Switch> switches;
    private final SortedSet<Integer> wanted;
    private final List<Use> uses = new ArrayList<>();
    private final Map<Integer, List<Use>> byVlan = new HashMap<>();

    VlanMapping(List<Switch> switches, Set<UUID> knownHosts, Collection<AdapterUse> adapters, Map<UUID, String> hostNames) {
        this(switches, knownHosts, adapters, hostNames, null);
    }

    /**
     * @param knownHosts the hosts whose switches have been read: only there is a missing switch a mismatch
     * @param hostNames  every host's name, by id
     * @param wanted     the VLANs the map is narrowed to, or null for all: its mismatches are of these only
     */
    VlanMapping(List<Switch> switches, Set<UUID> knownHosts, Collection<AdapterUse> adapters, Map<UUID, String> hostNames,
            SortedSet<Integer> wanted) {
        this.switches = switches;
        this.wanted = wanted;
        Map<String, Switch> byKey = new HashMap<>();
        switches.forEach(s -> byKey.put(key(s.hostId(), s.name()), s));
        for (AdapterUse adapter : adapters) {
            Use use = new Use(adapter, hostNames.getOrDefault(adapter.hostId(), "an unknown host"),
                    byKey.get(key(adapter.hostId(), adapter.adapter().switchName())), knownHosts.contains(adapter.hostId()),
                    VlanPolicy.used(adapter.adapter().vlan()));
            uses.add(use);
            use.tags().forEach(tag -> byVlan.computeIfAbsent(tag, t -> new ArrayList<>()).add(use));
        }
    }

    /** The VLANs of the map, ascending: those carried or used, narrowed to {@code wanted} (null: all), or to mismatched ones. */
    int[] vlans(SortedSet<Integer> wanted, boolean mismatchesOnly) {
        boolean[] present = new boolean[MAX + 1];
        if (mismatchesOnly) {
            byVlan.forEach((tag, users) -> present[tag] = users.stream().anyMatch(u -> u.problem(tag) != null));
        } else {
            int[] depth = new int[MAX + 2];
            for (Switch s : switches) {
                for (VlanRange range : s.ranges()) {
                    depth[range.first()]++;
                    depth[range.last() + 1]--;
                }
            }
            int open = 0;
            for (int tag = 1; tag <= MAX; tag++) {
                open += depth[tag];
                present[tag] = open > 0;
            }
            byVlan.keySet().forEach(tag -> present[tag] = true);
        }
        return java.util.stream.IntStream.rangeClosed(1, MAX)
                .filter(tag -> present[tag] && (wanted == null || wanted.contains(tag))).toArray();
    }

    /** One VLAN's row: its carriers by host and switch name, its uses by host and VM name, its mismatches. */
    VlanRow row(int vlan) {
        List<Use> users = byVlan.getOrDefault(vlan, List.of());
        List<VlanRow.Carrier> carriers = new ArrayList<>();
        for (Switch s : switches) {
            boolean carries = s.anyVlan() ? users.stream().anyMatch(u -> u.connected() == s) : s.carries(vlan);
            if (carries) {
                carriers.add(new VlanRow.Carrier(s.id(), s.hostId(), s.hostName(), s.name(), s.anyVlan()));
            }
        }
        carriers.sort(java.util.Comparator.comparing(VlanRow.Carrier::hostName, String.CASE_INSENSITIVE_ORDER)
                .thenComparing(VlanRow.Carrier::switchName, String.CASE_INSENSITIVE_ORDER));
        List<VlanUse> views = new ArrayList<>();
        int mismatches = 0;
        for (Use use : users) {
            String problem = use.problem(vlan);
            if (problem != null) {
                mismatches++;
            }
            views.add(use.view(mode(use.adapter().adapter().vlan(), vlan), problem));
        }
        views.sort(java.util.Comparator.comparing(VlanUse::hostName, String.CASE_INSENSITIVE_ORDER)
                .thenComparing(VlanUse::vmName, String.CASE_INSENSITIVE_ORDER).thenComparingInt(VlanUse::adapterIndex));
        return new VlanRow(vlan, carriers, views, mismatches);
    }

    /** How many adapters use a VLAN (of those the map is narrowed to). */
    int taggedAdapters() {
        return (int) uses.stream().filter(this::wanted).count();
    }

    /**
     * Every mismatched adapter, tagged or not (an untagged adapter on a switch that is gone), by host
     * and VM name; of the VLANs the map is narrowed to, if it is.
     */
    List<VlanUse> mismatches() {
        List<VlanUse> found = new ArrayList<>();
        for (Use use : uses) {
            if (wanted != null && !wanted(use)) {
                continue;
            }
            String problem = use.problem();
            if (problem != null) {
                found.add(use.view(mode(use.adapter().adapter().vlan(), null), problem));
            }
        }
        found.sort(java.util.Comparator.comparing(VlanUse::hostName, String.CASE_INSENSITIVE_ORDER)
                .thenComparing(VlanUse::vmName, String.CASE_INSENSITIVE_ORDER).thenComparingInt(VlanUse::adapterIndex));
        return found;
    }

    private boolean wanted(Use use) {
        return !use.tags().isEmpty() && (wanted == null || use.tags().stream().anyMatch(wanted::contains));
    }

    private static String mode(VlanSetting setting, Integer vlan) {
        return switch (setting) {
            case VlanSetting.Untagged u -> "untagged";
            case VlanSetting.Access a -> "access";
            case VlanSetting.Trunk t -> vlan != null && vlan.equals(t.nativeTag()) ? "trunk, native" : "trunk";
        };
    }

    private static String key(UUID hostId, String switchName) {
        return hostId + "/" + switchName.toLowerCase(Locale.ROOT);
    }
}
