package dev.corral.network;

import dev.corral.access.AccessPolicy;
import dev.corral.access.NotPermittedException;
import dev.corral.access.Permission;
import dev.corral.access.Scope;
import dev.corral.base.InvalidInputException;
import dev.corral.base.NotFoundException;
import dev.corral.base.RuleViolationException;
import dev.corral.base.ServiceUnavailableException;
import dev.corral.engine.Capability;
import dev.corral.engine.EngineException;
import dev.corral.engine.Engines;
import dev.corral.engine.HostConnection;
import dev.corral.engine.HostFacts;
import dev.corral.engine.VirtualSwitch;
import dev.corral.engine.VmSpec;
import dev.corral.vms.AdapterUse;
import dev.corral.vms.VlanList;
import dev.corral.vms.VmAdapters;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;

/**
 * The virtual switches of the hosts a caller may see: listed from what Corral last read (see
 * {@link SwitchCache}), created, changed and deleted on the host under {@code network.manage} at
 * the host, each change and each refusal audited. A switch is deleted only when no VM adapter is
 * connected to it, its VLANs narrowed only when no connected adapter uses those it would drop, and
 * an external switch bound to the host's management adapter only when the caller confirms it.
 */
@Service
public class VirtualSwitches {

    private static final String SWITCH = "virtual-switch";
    private static final int NAMED_VMS = 10;

    private final NetworkHosts hosts;
    private final SwitchCache cache;
    private final SwitchRecordRepository records;
    private final HostNetworkRepository networks;
    private final Engines engines;
    private final AccessPolicy policy;
    private final VmAdapters adapters;
    private final NetworkAudit audit;

    VirtualSwitches(NetworkHosts hosts, SwitchCache cache, SwitchRecordRepository records, HostNetworkRepository networks,
            Engines engines, AccessPolicy policy, VmAdapters adapters, NetworkAudit audit) {
        this.hosts = hosts;
        this.cache = cache;
        this.records = records;
        this.networks = networks;
        this.engines = engines;
        this.policy = policy;
        this.adapters = adapters;
        this.audit = audit;
    }

    // ---- Reading

    /** A page of the switches of the hosts the caller may see, by host name and switch name. */
    public Page<SwitchRow> list(SwitchFilter filter, Pageable pageable) {
        List<Listed> all = listed(filter);
        int from = (int) Math.min(pageable.getOffset(), all.size());
        int to = Math.min(all.size(), from + pageable.getPageSize());
        return new PageImpl<>(rows(all.subList(from, to)), pageable, all.size());
    }

    public long count(SwitchFilter filter) {
        return listed(filter).size();
    }

    /** One switch as its host reports it now (as last read if the host does not answer), with its connected adapters. */
    public SwitchDetails one(UUID id) {
        Located located = locate(id);
        SwitchCache.Reading reading = cache.read(located.host().summary());
        SwitchRecord record = records.findById(id).orElseThrow(() -> gone(located));
        SwitchRow row = rows(List.of(new Listed(located.host(), record))).getFirst();
        List<SwitchDetails.Connected> connected = new ArrayList<>();
        int others = 0;
        for (AdapterUse use : adapters.onSwitch(located.host().id(), record.name())) {
            if (policy.allows(Permission.INVENTORY_VIEW, Scope.vm(use.vmId()))) {
                connected.add(new SwitchDetails.Connected(use.vmId(), use.vmName(), use.index(),
                        VlanList.describe(use.adapter().vlan()), use.adapter().mac()));
            } else {
                others++;
            }
        }
        connected.sort(Comparator.comparing(SwitchDetails.Connected::vmName, String.CASE_INSENSITIVE_ORDER)
                .thenComparingInt(SwitchDetails.Connected::adapterIndex));
        List<String> unsupported = new ArrayList<>();
        if (reading.capabilities() != null) {
            reading.capabilities().whyNot(Capability.VIRTUAL_SWITCHES).ifPresent(unsupported::add);
            reading.capabilities().whyNot(Capability.VLAN).ifPresent(unsupported::add);
        }
        return new SwitchDetails(row, connected, others, mayManage(located.host().id()), unsupported);
    }

    /** Whether the caller may create, change and delete the host's switches. */
    public boolean mayManage(UUID hostId) {
        return policy.allows(Permission.NETWORK_MANAGE, Scope.host(hostId));
    }

    /** The hosts the caller may see, by name. */
    public List<HostChoice> visibleHosts() {
        return hosts.visible(null, null).values().stream().map(NetworkHosts.Host::choice).toList();
    }

    /** The visible hosts where the caller may create switches, by name. */
    public List<HostChoice> manageableHosts() {
        return visibleHosts().stream().filter(h -> mayManage(h.id())).toList();
    }

    /** Reads the switches of the visible hosts (or of one) again now, rather than at the next background refresh. */
    public void refresh(UUID hostId) {
        if (hostId != null) {
            cache.read(hosts.require(hostId).summary());
            return;
        }
        hosts.visible(null, null).values().forEach(h -> cache.read(h.summary()));
    }

    // ---- Changing

    /** Creates the switch on its host; a problem with the request is refused at its field. */
    public SwitchRow create(NewSwitch request) {
        if (request.hostId() == null) {
            throw new InvalidInputException("hostId", "Choose the host the switch is for.");
        }
        NetworkHosts.Host host = hosts.require(request.hostId());
        policy.require(Permission.NETWORK_MANAGE, Scope.host(host.id()));
        String name = request.name() == null ? "" : request.name().strip();
        String auditId = name.isEmpty() ? null : SwitchRecord.idOf(host.id(), name).toString();
        String auditName = (name.isEmpty() ? "(no name)" : name) + " on " + host.name();
        return audited("switch.create", auditId, auditName, () -> {
            checkName(name);
            if (request.kind() == null) {
                throw new InvalidInputException("kind", "Choose whether the switch is external, internal or private.");
            }
            SortedSet<Integer> vlans = VlanPolicy.parse(request.allowedVlans(), "allowedVlans");
            String adapter = adapterFor(request.kind(), request.physicalAdapter());
            SwitchCache.Reading reading = readOrRefuse(host);
            requireCapabilities(host, reading, vlans, "hostId");
            reading.find(name).ifPresent(existing -> {
                throw new InvalidInputException("name", host.name() + " already has a virtual switch named "
                        + existing.name() + ".");
            });
            if (adapter != null) {
                checkAdapter(host, reading, name, adapter);
                confirmManagementAdapter(host, name, adapter, request.confirmed());
            }
            VirtualSwitch made = onHost(host, "name",
                    () -> connection(host).createSwitch(new VirtualSwitch(name, request.kind(), adapter, vlans)));
            cache.read(host.summary());
            audit.changed("switch.create", SWITCH, SwitchRecord.idOf(host.id(), made.name()).toString(),
                    made.name() + " on " + host.name(), "Created " + describe(made) + " on host " + host.name()
                            + (adapter != null && adapter.equals(managementAdapter(host)) ? ", bound to the management "
                            + "adapter as confirmed" : "") + ".");
            return row(host, made.name());
        });
    }

    /** Changes the VLANs a switch carries and, for an external switch, its adapter; the rest stays. */
    public SwitchRow change(UUID id, SwitchChange change) {
        Located located = locate(id);
        NetworkHosts.Host host = located.host();
        policy.require(Permission.NETWORK_MANAGE, Scope.host(host.id()));
        return audited("switch.change", id.toString(), located.name() + " on " + host.name(), () -> {
            SwitchCache.Reading reading = readOrRefuse(host);
            VirtualSwitch current = reading.find(located.name()).orElseThrow(() -> gone(located));
            SortedSet<Integer> vlans = change.allowedVlans() == null ? current.allowedVlans()
                    : VlanPolicy.parse(change.allowedVlans(), "allowedVlans");
            String adapter = current.physicalAdapter();
            if (change.physicalAdapter() != null) {
                adapter = adapterFor(current.kind(), change.physicalAdapter());
            }
            requireCapabilities(host, reading, vlans, null);
            VirtualSwitch wanted = new VirtualSwitch(current.name(), current.kind(), adapter, vlans);
            if (wanted.equals(current)) {
                return row(host, current.name());
            }
            boolean rebinds = adapter != null && !adapter.equals(current.physicalAdapter());
            if (rebinds) {
                checkAdapter(host, reading, current.name(), adapter);
            }
            requireVlansUnused(host, current, vlans);
            if (rebinds) {
                confirmManagementAdapter(host, current.name(), adapter, change.confirmed());
            }
            VirtualSwitch changed = onHost(host, "allowedVlans", () -> connection(host).updateSwitch(wanted));
            cache.read(host.summary());
            audit.changed("switch.change", SWITCH, id.toString(), changed.name() + " on " + host.name(),
                    "Changed switch " + changed.name() + " on host " + host.name() + ": " + difference(current, changed)
                            + (rebinds && changed.physicalAdapter().equals(managementAdapter(host))
                            ? " (bound to the management adapter as confirmed)" : "") + ".");
            return row(host, changed.name());
        });
    }

    /** Deletes a switch no VM adapter is connected to. */
    public void delete(UUID id) {
        Located located = locate(id);
        NetworkHosts.Host host = located.host();
        policy.require(Permission.NETWORK_MANAGE, Scope.host(host.id()));
        audited("switch.delete", id.toString(), located.name() + " on " + host.name(), () -> {
            SwitchCache.Reading reading = readOrRefuse(host);
            VirtualSwitch current = reading.find(located.name()).orElseThrow(() -> gone(located));
            requireCapabilities(host, reading, List.of(), null);
            List<AdapterUse> connected = adapters.onSwitch(host.id(), current.name());
            if (!connected.isEmpty()) {
                Named named = named(connected);
                throw new NetworkRuleViolation(NetworkRuleViolation.Reason.SWITCH_IN_USE, null, "Switch " + current.name()
                        + " on " + host.name() + " still has " + count(connected.size(), "VM network adapter")
                        + " connected: " + named.sentence() + ". Connect them to another switch or remove them first.",
                        named.names(), named.others());
            }
            try {
                connection(host).deleteSwitch(current.name());
            } catch (EngineException.InvalidState inUse) {
                // VMs the inventory does not record (or not yet) still use it; the host names them, the audit keeps that.
                throw new NetworkRuleViolation(NetworkRuleViolation.Reason.SWITCH_IN_USE, null, "Host " + host.name()
                        + " still has VMs connected to switch " + current.name() + ", some perhaps not registered in "
                        + "Corral. Connect them to another switch first. (" + inUse.getMessage() + ")",
                        List.of(), 0);
            } catch (EngineException e) {
                throw translate(host, "name", e);
            }
            cache.read(host.summary());
            audit.changed("switch.delete", SWITCH, id.toString(), current.name() + " on " + host.name(),
                    "Deleted " + describe(current) + " from host " + host.name() + ".");
            return null;
        });
    }

    // ---- Rules

    private static void checkName(String name) {
        if (name.isEmpty()) {
            throw new InvalidInputException("name", "Give the switch a name.");
        }
        try {
            VmSpec.checkName(name, "virtual switch");
        } catch (EngineException.InvalidSpec e) {
            throw new InvalidInputException("name", e.getMessage());
        }
    }

    /** The adapter an external switch needs; the other kinds take none. */
    private static String adapterFor(VirtualSwitch.Kind kind, String given) {
        String adapter = given == null || given.isBlank() ? null : given.strip();
        if (kind == VirtualSwitch.Kind.EXTERNAL && adapter == null) {
            throw new InvalidInputException("physicalAdapter", "Choose the physical Ethernet adapter the external switch "
                    + "is bound to.");
        }
        if (kind != VirtualSwitch.Kind.EXTERNAL && adapter != null) {
            throw new InvalidInputException("physicalAdapter", "Only an external switch is bound to a physical adapter; "
                    + "leave it empty for an internal or private switch.");
        }
        return adapter;
    }

    /** The host has the adapter, it is Ethernet, and no other switch is bound to it. */
    private static void checkAdapter(NetworkHosts.Host host, SwitchCache.Reading reading, String switchName, String adapter) {
        List<HostFacts.PhysicalAdapter> physical = reading.facts().adapters();
        HostFacts.PhysicalAdapter found = physical.stream().filter(a -> a.name().equals(adapter)).findFirst()
                .orElseThrow(() -> new InvalidInputException("physicalAdapter", host.name() + " has no physical adapter "
                        + adapter + (physical.isEmpty() ? "; it reports none." : "; it has "
                        + physical.stream().map(HostFacts.PhysicalAdapter::name).collect(Collectors.joining(", ")) + ".")));
        if (found.medium() != HostFacts.PhysicalAdapter.Medium.ETHERNET) {
            throw new InvalidInputException("physicalAdapter", adapter + " is " + (found.medium()
                    == HostFacts.PhysicalAdapter.Medium.WIRELESS ? "a wireless adapter" : "not an Ethernet adapter")
                    + ": only an Ethernet adapter can back an external switch.");
        }
        reading.switches().stream().filter(s -> adapter.equals(s.physicalAdapter()) && !s.name().equalsIgnoreCase(switchName))
                .findFirst().ifPresent(s -> {
                    throw new InvalidInputException("physicalAdapter", adapter + " already backs switch " + s.name()
                            + "; an adapter backs one external switch.");
                });
    }

    /**
     * Binding an external switch to the management adapter hands the adapter to the switch: the
     * host's own traffic then shares it with the VMs' and, if the binding goes wrong, the host
     * drops off the network that Corral and its administrators reach it by.
     */
    private void confirmManagementAdapter(NetworkHosts.Host host, String switchName, String adapter, boolean confirmed) {
        if (confirmed || !adapter.equals(managementAdapter(host))) {
            return;
        }
        throw new NetworkRuleViolation(NetworkRuleViolation.Reason.MANAGEMENT_ADAPTER, "physicalAdapter", adapter
                + " is the management adapter of " + host.name() + ". Binding switch " + switchName + " to it hands the "
                + "adapter to the switch: the host can lose its management connection, and with it Corral's and your "
                + "way to reach it. Bind another adapter, or confirm to bind " + adapter + " anyway "
                + "(confirmManagementAdapter: true).");
    }

    /** Refuses to drop VLANs that connected adapters use, naming them. */
    private void requireVlansUnused(NetworkHosts.Host host, VirtualSwitch current, SortedSet<Integer> vlans) {
        List<AdapterUse> cut = new ArrayList<>();
        java.util.SortedSet<Integer> lost = new java.util.TreeSet<>();
        for (AdapterUse use : adapters.onSwitch(host.id(), current.name())) {
            SortedSet<Integer> dropped = VlanPolicy.cutOff(use.adapter().vlan(), current.allowedVlans(), vlans);
            if (!dropped.isEmpty()) {
                cut.add(use);
                lost.addAll(dropped);
            }
        }
        if (cut.isEmpty()) {
            return;
        }
        Named named = named(cut);
        throw new NetworkRuleViolation(NetworkRuleViolation.Reason.VLANS_IN_USE, "allowedVlans", "Switch " + current.name()
                + " would no longer carry " + VlanPolicy.name(lost) + ", which " + named.sentence() + " "
                + (cut.size() == 1 ? "uses" : "use") + ". Move those adapters to other VLANs first, or keep "
                + (lost.size() == 1 ? "it" : "them") + ".", named.names(), named.others());
    }

    private static void requireCapabilities(NetworkHosts.Host host, SwitchCache.Reading reading, Collection<Integer> vlans,
            String hostField) {
        reading.capabilities().whyNot(Capability.VIRTUAL_SWITCHES).ifPresent(why -> {
            throw new NetworkRuleViolation(NetworkRuleViolation.Reason.UNSUPPORTED, hostField, host.name()
                    + ": " + why);
        });
        if (!vlans.isEmpty()) {
            reading.capabilities().whyNot(Capability.VLAN).ifPresent(why -> {
                throw new NetworkRuleViolation(NetworkRuleViolation.Reason.UNSUPPORTED, "allowedVlans", host.name()
                        + " cannot restrict a switch to VLANs: " + why);
            });
        }
    }

    // ---- Helpers

    private record Listed(NetworkHosts.Host host, SwitchRecord record) {
    }

    private record Located(NetworkHosts.Host host, String name) {
    }

    /** The VMs concerned that the caller may see, by name, and how many adapters of others. */
    private record Named(List<String> names, int others) {
        String sentence() {
            List<String> parts = new ArrayList<>(names.stream().limit(NAMED_VMS).toList());
            if (names.size() > NAMED_VMS) {
                parts.add(count(names.size() - NAMED_VMS, "more VM"));
            }
            if (others > 0) {
                parts.add(count(others, "adapter") + " of VMs you may not see");
            }
            if (parts.size() == 1) {
                return parts.getFirst();
            }
            return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.getLast();
        }
    }

    private Named named(List<AdapterUse> uses) {
        List<String> names = new ArrayList<>();
        int others = 0;
        for (AdapterUse use : uses) {
            if (policy.allows(Permission.INVENTORY_VIEW, Scope.vm(use.vmId()))) {
                if (!names.contains(use.vmName())) {
                    names.add(use.vmName());
                }
            } else {
                others++;
            }
        }
        names.sort(String.CASE_INSENSITIVE_ORDER);
        return new Named(names, others);
    }

    private List<Listed> listed(SwitchFilter filter) {
        Map<UUID, NetworkHosts.Host> visible = hosts.visible(filter.hostId(), filter.hostGroupId());
        if (visible.isEmpty()) {
            return List.of();
        }
        cache.readUnknown(visible.values().stream().map(NetworkHosts.Host::summary).toList());
        String text = filter.name() == null ? "" : filter.name().strip().toLowerCase(Locale.ROOT);
        Map<UUID, Integer> position = new HashMap<>();
        visible.keySet().forEach(id -> position.put(id, position.size()));
        return records.findByHostIds(visible.keySet()).stream()
                .filter(r -> text.isEmpty() || r.name().toLowerCase(Locale.ROOT).contains(text))
                .map(r -> new Listed(visible.get(r.hostId()), r))
                .sorted(Comparator.comparingInt((Listed l) -> position.get(l.host().id()))
                        .thenComparing(l -> l.record().name(), String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    private List<SwitchRow> rows(List<Listed> listed) {
        Map<UUID, HostNetwork> network = new HashMap<>();
        networks.findAllById(listed.stream().map(l -> l.host().id()).distinct().toList())
                .forEach(n -> network.put(n.hostId(), n));
        Map<UUID, Map<String, Integer>> connected = new HashMap<>();
        for (UUID hostId : listed.stream().map(l -> l.host().id()).distinct().toList()) {
            connected.put(hostId, adapters.visible(hostId, null, null).stream()
                    .collect(Collectors.groupingBy(u -> u.adapter().switchName().toLowerCase(Locale.ROOT),
                            Collectors.summingInt(u -> 1))));
        }
        return listed.stream().map(l -> {
            SwitchRecord r = l.record();
            HostNetwork n = network.get(l.host().id());
            String management = n == null ? null : n.managementAdapter();
            List<VlanRange> ranges = r.vlans();
            return new SwitchRow(r.id(), l.host().id(), l.host().name(), l.host().hostGroup(), r.name(), r.kind(),
                    r.physicalAdapter(), ranges.isEmpty() ? "" : VlanPolicy.describeRanges(ranges), ranges, ranges.isEmpty(),
                    r.physicalAdapter() != null && r.physicalAdapter().equals(management),
                    connected.get(l.host().id()).getOrDefault(r.name().toLowerCase(Locale.ROOT), 0),
                    n == null ? null : n.readAt(), n == null ? null : n.readProblem());
        }).toList();
    }

    private SwitchRow row(NetworkHosts.Host host, String name) {
        SwitchRecord record = records.findById(SwitchRecord.idOf(host.id(), name))
                .orElseThrow(() -> new NotFoundException("Switch " + name + " is no longer on host " + host.name() + "."));
        return rows(List.of(new Listed(host, record))).getFirst();
    }

    /** The switch's host (visible to the caller) and name, from the inventory's record of it. */
    private Located locate(UUID id) {
        SwitchRecord record = records.findById(id).orElseThrow(VirtualSwitches::noSuchSwitch);
        NetworkHosts.Host host;
        try {
            host = hosts.require(record.hostId());
        } catch (NotFoundException hidden) {
            throw noSuchSwitch();
        }
        return new Located(host, record.name());
    }

    private static NotFoundException noSuchSwitch() {
        return new NotFoundException("There is no such virtual switch, or your roles do not let you see its host.");
    }

    private static NotFoundException gone(Located located) {
        return new NotFoundException("Switch " + located.name() + " no longer exists on host " + located.host().name()
                + "; the list has been brought up to date.");
    }

    private SwitchCache.Reading readOrRefuse(NetworkHosts.Host host) {
        SwitchCache.Reading reading = cache.read(host.summary());
        if (!reading.answered()) {
            throw new ServiceUnavailableException("Host " + host.name() + " does not answer, so its switches cannot "
                    + "change now: " + reading.problem(), null);
        }
        return reading;
    }

    private String managementAdapter(NetworkHosts.Host host) {
        return networks.findById(host.id()).map(HostNetwork::managementAdapter).orElse(null);
    }

    private HostConnection connection(NetworkHosts.Host host) {
        return engines.connection(URI.create(host.summary().uri()));
    }

    /** Runs an engine call; its refusals become the service's, at {@code field} where the request is wrong. */
    private static <T> T onHost(NetworkHosts.Host host, String field, Supplier<T> call) {
        try {
            return call.get();
        } catch (EngineException e) {
            throw translate(host, field, e);
        }
    }

    private static RuntimeException translate(NetworkHosts.Host host, String field, EngineException e) {
        return switch (e) {
            case EngineException.HostUnreachable u -> new ServiceUnavailableException(e.getMessage(), e);
            case EngineException.InvalidSpec i -> new InvalidInputException(fieldOf(e.getMessage(), field), e.getMessage());
            case EngineException.NotFound n -> new NotFoundException(e.getMessage());
            case EngineException.Unsupported u -> new NetworkRuleViolation(NetworkRuleViolation.Reason.UNSUPPORTED,
                    null, e.getMessage());
            case EngineException.InvalidState s -> new RuleViolationException(e.getMessage());
            default -> e;
        };
    }

    /** Which field a host's refusal concerns, from its words. */
    static String fieldOf(String message, String fallback) {
        String text = message.toLowerCase(Locale.ROOT);
        if (text.contains("vlan")) {
            return "allowedVlans";
        }
        if (text.contains("adapter")) {
            return "physicalAdapter";
        }
        if (text.contains("name")) {
            return "name";
        }
        return fallback;
    }

    /** Runs a change; a refusal or failure is recorded before it reaches the caller. */
    private <T> T audited(String action, String id, String name, Supplier<T> change) {
        try {
            return change.get();
        } catch (InvalidInputException | RuleViolationException | NotFoundException e) {
            audit.refused(action, SWITCH, id, name, e.getMessage());
            throw e;
        } catch (ServiceUnavailableException | EngineException e) {
            audit.failed(action, SWITCH, id, name, e.getMessage());
            throw e;
        } catch (NotPermittedException e) {
            throw e; // the access policy recorded it
        }
    }

    static String describe(VirtualSwitch s) {
        String kind = s.kind().name().toLowerCase(Locale.ROOT);
        return kind + " switch " + s.name() + (s.physicalAdapter() == null ? "" : " on adapter " + s.physicalAdapter())
                + " carrying " + VlanPolicy.describe(s.allowedVlans());
    }

    private static String difference(VirtualSwitch before, VirtualSwitch after) {
        List<String> changes = new ArrayList<>();
        if (!before.allowedVlans().equals(after.allowedVlans())) {
            changes.add("VLANs " + VlanPolicy.describe(before.allowedVlans()) + " → " + VlanPolicy.describe(after.allowedVlans()));
        }
        if (!Objects.equals(before.physicalAdapter(), after.physicalAdapter())) {
            changes.add("adapter " + before.physicalAdapter() + " → " + after.physicalAdapter());
        }
        return changes.isEmpty() ? "nothing" : String.join(", ", changes);
    }

    private static String count(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }
}
