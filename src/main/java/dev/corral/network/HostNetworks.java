package dev.corral.network;

import dev.corral.access.AccessPolicy;
import dev.corral.access.Permission;
import dev.corral.access.Scope;
import dev.corral.base.InvalidInputException;
import dev.corral.base.ServiceUnavailableException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each host's physical adapters and its management adapter: the one its administrators reach it
 * by, recorded so that binding an external switch to it needs a confirmation (DOMAIN.md: one NIC
 * reserved for management, with no virtual switch bound to it). Set under {@code network.manage}
 * at the host, audited.
 */
@Service
public class HostNetworks {

    private final NetworkHosts hosts;
    private final SwitchCache cache;
    private final HostNetworkRepository networks;
    private final SwitchRecordRepository switches;
    private final AccessPolicy policy;
    private final NetworkAudit audit;
    private final TransactionTemplate transactions;

    HostNetworks(NetworkHosts hosts, SwitchCache cache, HostNetworkRepository networks, SwitchRecordRepository switches,
            AccessPolicy policy, NetworkAudit audit, TransactionTemplate transactions) {
        this.hosts = hosts;
        this.cache = cache;
        this.networks = networks;
        this.switches = switches;
        this.policy = policy;
        this.audit = audit;
        this.transactions = transactions;
    }

    /** The adapters of the hosts the caller may see (narrowed to one host or a host group), as last read. */
    public List<HostAdapters> list(UUID hostId, UUID hostGroupId) {
        Collection<NetworkHosts.Host> visible = hosts.visible(hostId, hostGroupId).values();
        cache.readUnknown(visible.stream().map(NetworkHosts.Host::summary).toList());
        return describe(visible);
    }

    /** One host's adapters, read from the host now (as last read if it does not answer). */
    public HostAdapters one(UUID hostId) {
        NetworkHosts.Host host = hosts.require(hostId);
        cache.read(host.summary());
        return describe(List.of(host)).getFirst();
    }

    /** Records the host's management adapter, one the host has; null or blank records none. */
    public HostAdapters setManagementAdapter(UUID hostId, String adapter) {
        NetworkHosts.Host host = hosts.require(hostId);
        policy.require(Permission.NETWORK_MANAGE, Scope.host(host.id()));
        String wanted = adapter == null || adapter.isBlank() ? null : adapter.strip();
        String before = networks.findById(host.id()).map(HostNetwork::managementAdapter).orElse(null);
        try {
            if (wanted != null) {
                SwitchCache.Reading reading = cache.read(host.summary());
                List<String> known = reading.answered()
                        ? reading.facts().adapters().stream().map(a -> a.name()).toList()
                        : networks.findById(host.id()).map(n -> n.adapters().stream().map(HostNetwork.Adapter::name).toList())
                                .orElse(List.of());
                if (!reading.answered() && known.isEmpty()) {
                    throw new ServiceUnavailableException("Host " + host.name() + " does not answer and its adapters were "
                            + "never read: " + reading.problem(), null);
                }
                if (!known.contains(wanted)) {
                    throw new InvalidInputException("adapter", host.name() + " has no physical adapter " + wanted
                            + (known.isEmpty() ? "; it reports none." : "; it has " + String.join(", ", known) + "."));
                }
            }
        } catch (InvalidInputException e) {
            audit.refused("host.management-adapter", "host", host.id().toString(), host.name(), e.getMessage());
            throw e;
        } catch (ServiceUnavailableException e) {
            audit.failed("host.management-adapter", "host", host.id().toString(), host.name(), e.getMessage());
            throw e;
        }
        if (!Objects.equals(before, wanted)) {
            transactions.executeWithoutResult(status -> networks.findById(host.id())
                    .orElseGet(() -> networks.save(new HostNetwork(host.id()))).managementAdapter(wanted));
            audit.changed("host.management-adapter", "host", host.id().toString(), host.name(), "Management adapter of "
                    + host.name() + ": " + (before == null ? "none" : before) + " → " + (wanted == null ? "none" : wanted)
                    + ".");
        }
        return describe(List.of(host)).getFirst();
    }

    private List<HostAdapters> describe(Collection<NetworkHosts.Host> visible) {
        List<UUID> ids = visible.stream().map(NetworkHosts.Host::id).toList();
        Map<UUID, HostNetwork> network = networks.findAllById(ids).stream()
                .collect(Collectors.toMap(HostNetwork::hostId, n -> n));
        Map<UUID, List<SwitchRecord>> bound = new HashMap<>();
        switches.findByHostIds(ids).stream().filter(s -> s.physicalAdapter() != null)
                .forEach(s -> bound.computeIfAbsent(s.hostId(), k -> new ArrayList<>()).add(s));
        List<HostAdapters> described = new ArrayList<>();
        for (NetworkHosts.Host host : visible) {
            HostNetwork n = network.get(host.id());
            String management = n == null ? null : n.managementAdapter();
            List<SwitchRecord> external = bound.getOrDefault(host.id(), List.of());
            List<HostAdapters.Adapter> adapters = n == null ? List.of() : n.adapters().stream()
                    .map(a -> new HostAdapters.Adapter(a.name(), a.mac(), a.medium(), a.speedMbps(), a.name().equals(management),
                            external.stream().filter(s -> s.physicalAdapter().equals(a.name())).map(SwitchRecord::name)
                                    .findFirst().orElse(null)))
                    .toList();
            described.add(new HostAdapters(host.id(), host.name(), host.hostGroup(), management, adapters,
                    n == null ? null : n.readAt(), n == null ? null : n.readProblem(), warnings(host, management, adapters),
                    policy.allows(Permission.NETWORK_MANAGE, Scope.host(host.id()))));
        }
        return described;
    }

    private static List<String> warnings(NetworkHosts.Host host, String management, List<HostAdapters.Adapter> adapters) {
        List<String> warnings = new ArrayList<>();
        if (management == null) {
            if (!adapters.isEmpty()) {
                warnings.add("No management adapter is recorded for " + host.name() + ": record it, so that binding a "
                        + "switch to it asks first.");
            }
            return warnings;
        }
        adapters.stream().filter(a -> a.name().equals(management)).findFirst().ifPresentOrElse(a -> {
            if (a.backs() != null) {
                warnings.add("External switch " + a.backs() + " is bound to " + management + ", the management adapter: "
                        + "the host's own traffic shares it with the VMs', and a mistake on the switch can cut the host off. "
                        + "Keep one adapter for management only.");
            }
        }, () -> {
            if (!adapters.isEmpty()) {
                warnings.add("The management adapter " + management + " is no longer among " + host.name()
                        + "'s adapters; record the one it uses now.");
            }
        });
        return warnings;
    }
}
