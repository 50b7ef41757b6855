package dev.corral.network;

import dev.corral.base.NotFoundException;
import dev.corral.hosts.HostRow;
import dev.corral.hosts.HostService;
import dev.corral.hosts.HostSummary;
import dev.corral.hosts.HostTree;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** The hosts the caller may see, as the network feature needs them: how to reach each, and where it sits. */
@Component
class NetworkHosts {

    private final HostService hosts;
    private final HostTree tree;

    NetworkHosts(HostService hosts, HostTree tree) {
        this.hosts = hosts;
        this.tree = tree;
    }

    /** A visible host with its host group's path. */
    record Host(HostSummary summary, String hostGroup) {
        UUID id() {
            return summary.id();
        }

        String name() {
            return summary.name();
        }

        HostChoice choice() {
            return new HostChoice(summary.id(), summary.name(), hostGroup);
        }
    }

    /** The visible hosts, by name, narrowed to one host or to a host group and the groups below it. */
    Map<UUID, Host> visible(UUID hostId, UUID hostGroupId) {
        Map<UUID, HostSummary> summaries = tree.hosts().stream()
                .collect(Collectors.toMap(HostSummary::id, Function.identity()));
        Set<UUID> groups = hostGroupId == null ? null : tree.groupAndDescendants(hostGroupId);
        Map<UUID, Host> visible = new LinkedHashMap<>();
        hosts.visibleHosts().stream().sorted(Comparator.comparing(HostRow::name, String.CASE_INSENSITIVE_ORDER))
                .forEach(row -> {
                    HostSummary summary = summaries.get(row.id());
                    if (summary == null || hostId != null && !hostId.equals(row.id())
                            || groups != null && !groups.contains(summary.hostGroupId())) {
                        return;
                    }
                    visible.put(row.id(), new Host(summary, row.hostGroup()));
                });
        return visible;
    }

    /** The visible host, or 404 (also when the caller may not see it). */
    Host require(UUID hostId) {
        if (hostId == null) {
            throw noSuchHost();
        }
        Host host = visible(hostId, null).get(hostId);
        if (host == null) {
            throw noSuchHost();
        }
        return host;
    }

    /** Any host's name, for adapters of visible VMs on hosts the caller does not otherwise see. */
    Map<UUID, String> allNames() {
        return tree.hosts().stream().collect(Collectors.toMap(HostSummary::id, HostSummary::name));
    }

    static NotFoundException noSuchHost() {
        return new NotFoundException("There is no such host, or your roles do not let you see it.");
    }
}
