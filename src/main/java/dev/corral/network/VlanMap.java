package dev.corral.network;

import dev.corral.vms.AdapterUse;
import dev.corral.vms.VmAdapters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;

/**
 * The VLAN map: for each VLAN, which switches carry it and which VMs on which hosts use it, and
 * the mismatches (an adapter tagged for a VLAN its switch does not carry, or connected to a switch
 * its host no longer has). Built from the switches as last read ({@link SwitchCache}) and the
 * adapters the inventory records ({@link VmAdapters}), for the hosts and VMs the caller may see;
 * no host is asked.
 */
@Service
public class VlanMap {

    private final NetworkHosts hosts;
    private final SwitchCache cache;
    private final SwitchRecordRepository records;
    private final HostNetworkRepository networks;
    private final VmAdapters adapters;

    VlanMap(NetworkHosts hosts, SwitchCache cache, SwitchRecordRepository records, HostNetworkRepository networks,
            VmAdapters adapters) {
        this.hosts = hosts;
        this.cache = cache;
        this.records = records;
        this.networks = networks;
        this.adapters = adapters;
    }

    /** How much the filtered map holds: VLANs, the adapters tagged in it, and its mismatches. */
    public record Summary(int vlans, int taggedAdapters, int mismatchedAdapters) {
    }

    /**
     * The map as read once, for a view that shows its rows, its size and its mismatches in the same
     * round trip; not meant to be kept (it holds every visible adapter of the filter).
     */
    public static final class Snapshot {

        private final VlanMapping mapping;
        private final int[] vlans;
        private List<VlanUse> mismatched;

        private Snapshot(VlanMapping mapping, int[] vlans) {
            this.mapping = mapping;
            this.vlans = vlans;
        }

        /** A page of the VLANs, ascending. */
        public Page<VlanRow> rows(Pageable pageable) {
            int from = (int) Math.min(pageable.getOffset(), vlans.length);
            int to = Math.min(vlans.length, from + pageable.getPageSize());
            List<VlanRow> rows = new ArrayList<>(to - from);
            for (int i = from; i < to; i++) {
                rows.add(mapping.row(vlans[i]));
            }
            return new PageImpl<>(rows, pageable, vlans.length);
        }

        public Summary summary() {
            return new Summary(vlans.length, mapping.taggedAdapters(), mismatched().size());
        }

        /** A page of the mismatched adapters, by host and VM name. */
        public Page<VlanUse> mismatches(Pageable pageable) {
            List<VlanUse> all = mismatched();
            int from = (int) Math.min(pageable.getOffset(), all.size());
            int to = Math.min(all.size(), from + pageable.getPageSize());
            return new PageImpl<>(all.subList(from, to), pageable, all.size());
        }

        private List<VlanUse> mismatched() {
            if (mismatched == null) {
                mismatched = mapping.mismatches();
            }
            return mismatched;
        }
    }

    /** The map for the filter, read once; a malformed VLAN filter is refused at {@code vlan}. */
    public Snapshot snapshot(VlanMapFilter filter) {
        SortedSet<Integer> wanted = wanted(filter);
        VlanMapping mapping = mapping(filter.hostId(), wanted);
        return new Snapshot(mapping, mapping.vlans(wanted, filter.mismatchesOnly()));
    }

    /** A page of the map's VLANs, ascending. */
    public Page<VlanRow> rows(VlanMapFilter filter, Pageable pageable) {
        return snapshot(filter).rows(pageable);
    }

    /** A page of the mismatched adapters of the visible VMs (narrowed like the map), by host and VM name. */
    public Page<VlanUse> mismatches(VlanMapFilter filter, Pageable pageable) {
        return snapshot(filter).mismatches(pageable);
    }

    private static SortedSet<Integer> wanted(VlanMapFilter filter) {
        return filter.vlans() == null || filter.vlans().isBlank() ? null : VlanPolicy.parse(filter.vlans(), "vlan");
    }

    private VlanMapping mapping(UUID hostId, SortedSet<Integer> wanted) {
        Map<UUID, NetworkHosts.Host> visible = hosts.visible(hostId, null);
        if (hostId != null && visible.isEmpty()) {
            throw NetworkHosts.noSuchHost();
        }
        cache.readUnknown(visible.values().stream().map(NetworkHosts.Host::summary).toList());
        List<VlanMapping.Switch> switches = visible.isEmpty() ? List.of() : records.findByHostIds(visible.keySet()).stream()
                .map(r -> new VlanMapping.Switch(r.id(), r.hostId(), visible.get(r.hostId()).name(), r.name(), r.vlans()))
                .toList();
        Set<UUID> known = networks.findAllById(visible.keySet()).stream().filter(n -> n.readAt() != null)
                .map(HostNetwork::hostId).collect(Collectors.toSet());
        Integer single = wanted != null && wanted.size() == 1 ? wanted.first() : null;
        List<AdapterUse> used = adapters.visible(hostId, null, single);
        return new VlanMapping(switches, known, used, hosts.allNames(), wanted);
    }
}
