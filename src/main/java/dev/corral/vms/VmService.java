package dev.corral.vms;

import dev.corral.access.AccessPolicy;
import dev.corral.access.CurrentCaller;
import dev.corral.access.Permission;
import dev.corral.access.QuotaGuard;
import dev.corral.access.QuotaUsage;
import dev.corral.access.Scope;
import dev.corral.base.InvalidInputException;
import dev.corral.engine.EngineException;
import dev.corral.engine.Engines;
import dev.corral.engine.HostConnection;
import dev.corral.engine.VmInfo;
import dev.corral.engine.VmState;
import dev.corral.hosts.HostSummary;
import dev.corral.hosts.HostTree;
import dev.corral.jobs.JobService;
import dev.corral.jobs.JobView;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The VMs an administrator sees and acts on: listed from the inventory, filtered in the database
 * to what the caller may see; acted on through the engine, as jobs, after the access policy and
 * the host's capabilities agree.
 */
@Service
public class VmService {

    /** The key of the configuration change among {@link VmDetails#unavailableActions()}. */
    public static final String CONFIGURE = "configure";

    /** Who requests the jobs Corral takes on its own. */
    public static final String CORRAL = "corral";

    private final VmRepository vms;
    private final VmRuntimeRepository runtime;
    private final HostTree tree;
    private final Engines engines;
    private final AccessPolicy policy;
    private final QuotaGuard quotas;
    private final JobService jobs;
    private final VmJobs work;
    private final VmLookup lookup;
    private final dev.corral.access.PrincipalDirectory directory;
    private final java.time.Clock clock;
    private final VmGuards guards;
    private final VmAdapters adapters;
    private final VmDiskImages diskImages;

    VmService(VmDiskImages diskImages, VmAdapters adapters, VmGuards guards, VmRepository vms, VmRuntimeRepository runtime, HostTree tree, Engines engines, AccessPolicy policy,
            QuotaGuard quotas, JobService jobs, VmJobs work, VmLookup lookup,
            dev.corral.access.PrincipalDirectory directory, java.time.Clock clock) {
        this.lookup = lookup;
        this.directory = directory;
        this.clock = clock;
        this.guards = guards;
        this.adapters = adapters;
        this.diskImages = diskImages;
        this.vms = vms;
        this.runtime = runtime;
        this.tree = tree;
        this.engines = engines;
        this.policy = policy;
        this.quotas = quotas;
        this.jobs = jobs;
        this.work = work;
    }

    @Transactional(readOnly = true)
    public Page<VmRow> list(VmFilter filter, Pageable page) {
        List<HostSummary> hosts = tree.hosts();
        Page<Vm> found = vms.findAll(query(filter, hosts), page);
        Map<UUID, VmState> states = runtime.findAllById(found.map(Vm::id).toList()).stream()
                .collect(Collectors.toMap(r -> r.vmId(), VmRuntime::state));
        Map<UUID, String> hostNames = hosts.stream().collect(Collectors.toMap(HostSummary::id, HostSummary::name));
        return found.map(vm -> vm.row(hostNames.get(vm.hostId()), states.getOrDefault(vm.id(), VmState.UNKNOWN)));
    }

    /** How many VMs the caller may see that match the filter: one count query, no rows. */
    @Transactional(readOnly = true)
    public long count(VmFilter filter) {
        return vms.count(query(filter, tree.hosts()));
    }

    private org.springframework.data.jpa.domain.Specification<Vm> query(VmFilter filter, List<HostSummary> hosts) {
        VmFilter narrowed = filter == null ? VmFilter.NONE : filter;
        java.util.Set<UUID> groups = narrowed.hostGroupId() == null ? java.util.Set.of()
                : tree.groupAndDescendants(narrowed.hostGroupId());
        return VmVisibility.of(policy.visibility(Permission.INVENTORY_VIEW), hosts, narrowed, groups);
    }

    /** Not in a transaction: it asks the host, which may take time. */
    public VmDetails details(UUID id) {
        Vm vm = visible(id);
        HostSummary host = tree.host(vm.hostId()).orElseThrow();
        // A host that does not answer cannot vouch for the last state recorded: the VM's state is unknown.
        VmRow row = vm.row(host.name(), VmState.UNKNOWN);
        try {
            HostConnection connection = engines.connection(URI.create(host.uri()));
            VmInfo live = connection.vm(id);
            return new VmDetails(vm.row(host.name(), live.state()), vm.provenance(), live, null, connection.capabilities(),
                    unavailable(vm, live.state(), connection));
        } catch (EngineException e) {
            return new VmDetails(row, vm.provenance(), null, e.getMessage(), null, unavailableAll(e.getMessage()));
        }
    }

    /** Queues a power operation; answers with the job at once. */
    public JobView act(UUID id, VmAction action) {
        Vm vm = visible(id);
        policy.require(action.permission(), Scope.vm(id));
        HostSummary host = tree.host(vm.hostId()).orElseThrow();
        action.capability().ifPresent(c -> engines.connection(URI.create(host.uri())).capabilities().require(c));
        VmState current = guards.recordedState(vm.id());
        PowerOnGuard.Cause cause = switch (action) {
            case START -> current == VmState.SAVED ? PowerOnGuard.Cause.RESTORE : PowerOnGuard.Cause.START;
            case RESUME -> PowerOnGuard.Cause.RESUME;
            default -> null;
        };
        if (cause == null) {
            return jobs.submit(work.power(vm.id(), vm.name(), host, action));
        }
        Runnable release = guards.admit(vm, host.id(), current, cause);
        return VmGuards.submitHolding(jobs, work.power(vm.id(), vm.name(), host, action), release);
    }

    /**
     * Shuts down, turns off or saves a VM as Corral itself, for a scheduled action such as the end
     * of its lease: there is no caller and so no access check; the job is requested by "corral" and
     * audited under {@code actor} (e.g. "corral (lease expired)"). Nothing that powers a VM on is
     * taken this way.
     */
    public JobView actAsCorral(UUID id, VmAction action, String actor) {
        if (action != VmAction.SHUTDOWN && action != VmAction.TURN_OFF && action != VmAction.SAVE) {
            throw new IllegalArgumentException("Corral only shuts down, turns off or saves VMs on its own, not " + action);
        }
        Vm vm = vms.findById(id).orElseThrow(() -> new VmNotFoundException("There is no VM " + id + "."));
        HostSummary host = tree.host(vm.hostId()).orElseThrow();
        return jobs.submitAs(CORRAL, work.powerAsCorral(vm.id(), vm.name(), host, action, actor));
    }

    public JobView delete(UUID id) {
        Vm vm = visible(id);
        policy.require(Permission.VM_DELETE, Scope.vm(id));
        return jobs.submit(work.delete(vm.id(), vm.name(), tree.host(vm.hostId()).orElseThrow()));
    }

    /** Checks the request against access, quota and the host, then creates the VM as a job. */
    public JobView create(NewVm request) {
        if (request.hostId() != null) {
            // Before anything else, so that a host the caller may not use and one that does not exist look alike.
            policy.require(Permission.VM_CREATE, Scope.host(request.hostId()));
            if (VmCreation.namesStorage(request)) {
                // Where a disk lives is Corral's choice unless the caller may attach storage: a named path
                // could be the hypervisor's own disk or another tenant's image.
                policy.require(Permission.VM_STORAGE_ATTACH, Scope.host(request.hostId()));
            }
        }
        VmCreation creation = VmCreation.check(request, tree, java.time.LocalDate.now(clock));
        String caller = CurrentCaller.get().user();
        if (request.owner() != null && request.owner().isBlank()) {
            throw new InvalidInputException("owner", "Give the owner's user name, or leave the owner out to own the VM yourself.");
        }
        String owner = request.owner() == null ? caller : request.owner().strip();
        if (!owner.equalsIgnoreCase(caller)) {
            policy.require(Permission.VM_OWNERSHIP, Scope.host(creation.host().id()));
            if (owner.length() > 256 || directory.groupsOf(owner).isEmpty()) {
                throw new InvalidInputException("owner", "The directory has no user " + abbreviate(owner) + ".");
            }
        }
        if (tree.inMaintenance(creation.host().id())) {
            throw new InvalidInputException("hostId", creation.host().name()
                    + " is in maintenance mode and receives no new VMs; choose another host.");
        }
        if (vms.existsByHostIdAndNameIgnoreCase(creation.host().id(), creation.spec().name())) {
            throw new InvalidInputException("name", creation.host().name() + " already has a VM named "
                    + creation.spec().name() + ".");
        }
        guards.checkSize(creation.host().id(), creation.spec().architecture(), creation.spec().guestOs().family(),
                creation.spec().vcpus(), creation.spec().memoryMiB());
        adapters.requireUnusedMacs(creation.spec().networkAdapters(), null, request.networkAdapters() == null);
        diskImages.requireUnused(creation.spec().disks(), vm -> policy.allows(Permission.INVENTORY_VIEW, Scope.vm(vm)));
        HostConnection connection = engines.connection(URI.create(creation.host().uri()));
        creation.checkAgainst(connection.facts(), connection.capabilities(), connection.switches());
        Runnable release = quotas.reserveRoomFor("vm.create", Scope.host(creation.host().id()), new QuotaUsage.Usage(1,
                creation.spec().vcpus(), creation.spec().memoryMiB(), creation.storageGiB()));
        try {
            return jobs.submit(work.create(creation, owner, release));
        } catch (RuntimeException e) {
            release.run();
            throw e;
        }
    }

    /** The virtual switches of a host the caller may create VMs on, for the create form; empty when it does not answer. */
    public List<dev.corral.engine.VirtualSwitch> switchesFor(UUID hostId) {
        policy.require(Permission.VM_CREATE, Scope.host(hostId));
        HostSummary host = tree.host(hostId).orElseThrow(() -> new InvalidInputException("hostId", "There is no such host."));
        try {
            return engines.connection(URI.create(host.uri())).switches();
        } catch (EngineException e) {
            return List.of();
        }
    }

    /** Whether the caller may create VMs owned by someone else on this host, for the create form. */
    public boolean mayChooseOwner(UUID hostId) {
        return policy.allows(Permission.VM_OWNERSHIP, Scope.host(hostId));
    }

    private static String abbreviate(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }

    /** The caller's quota and its use, where creating on this host is limited by one. */
    @Transactional(readOnly = true)
    public java.util.Optional<String> quotaAt(UUID hostId) {
        return quotas.describeRoom(Scope.host(hostId));
    }

    /** The hosts where the caller may create VMs, for the create form. */
    @Transactional(readOnly = true)
    public List<HostSummary> hostsForCreation() {
        return tree.hosts().stream().filter(h -> policy.allows(Permission.VM_CREATE, Scope.host(h.id())))
                .filter(h -> !tree.inMaintenance(h.id())).toList();
    }

    private Vm visible(UUID id) {
        return lookup.visible(id);
    }

    private Map<String, String> unavailable(Vm vm, VmState state, HostConnection connection) {
        Map<String, String> reasons = new LinkedHashMap<>();
        for (VmAction action : VmAction.values()) {
            String why = !policy.allows(action.permission(), Scope.vm(vm.id()))
                    ? "Your roles do not include " + action.permission().code() + " on this VM."
                    : action.capability().flatMap(c -> connection.capabilities().whyNot(c)).orElse(null);
            if (why == null) {
                why = VmPowerRules.whyNot(action, state);
            }
            if (why != null) {
                reasons.put(action.code(), why);
            }
        }
        if (!policy.allows(Permission.VM_DELETE, Scope.vm(vm.id()))) {
            reasons.put("delete", "Your roles do not include vm.delete on this VM.");
        } else if (state != VmState.OFF && state != VmState.SAVED) {
            reasons.put("delete", "Turn the VM off before deleting it.");
        }
        if (!policy.allows(Permission.VM_CONFIGURE, Scope.vm(vm.id()))) {
            reasons.put(CONFIGURE, "Your roles do not include vm.configure on this VM.");
        }
        return reasons;
    }

    private static Map<String, String> unavailableAll(String why) {
        Map<String, String> reasons = new LinkedHashMap<>();
        for (VmAction action : VmAction.values()) {
            reasons.put(action.code(), why);
        }
        reasons.put("delete", why);
        reasons.put(CONFIGURE, why);
        return reasons;
    }
}
