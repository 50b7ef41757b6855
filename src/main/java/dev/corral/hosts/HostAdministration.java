package dev.corral.hosts;

import dev.corral.access.AccessPolicy;
import dev.corral.access.AssignmentService;
import dev.corral.access.Permission;
import dev.corral.access.Scope;
import dev.corral.base.InvalidInputException;
import dev.corral.base.NotFoundException;
import dev.corral.engine.EngineException;
import dev.corral.engine.Engines;
import dev.corral.engine.HostConnection;
import dev.corral.jobs.JobView;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Registers, changes and removes hosts, under host.manage, audited; and shows one host with what
 * it reports now. A host that does not answer is not registered: its URI is refused as a field
 * error with the engine's sentence, so the form shows it at the URI and the API answers 400.
 * A hypervisor registered already, under any spelling of its URI, is refused too; a host's edition
 * and licence count are licensing, under licensing.manage; and a host joins a cluster only where
 * the caller manages every host of it.
 */
@Service
@Transactional
public class HostAdministration {

    private final HostRepository hosts;
    private final HostGroupRepository groups;
    private final HostRuntimeRepository runtime;
    private final HostTree tree;
    private final HostHealth health;
    private final Engines engines;
    private final AccessPolicy policy;
    private final AssignmentService assignments;
    private final HostAllocation allocation;
    private final HostInspection inspection;
    private final HostAudit audit;
    private final HostMaintenance maintenance;
    private final HostIdentities identities;
    private final ClusterMembership clusters;
    private final HostLicensingSettings licensing;

    HostAdministration(HostRepository hosts, HostGroupRepository groups, HostRuntimeRepository runtime, HostTree tree,
            HostHealth health, Engines engines, AccessPolicy policy, AssignmentService assignments,
            HostAllocation allocation, HostInspection inspection, HostAudit audit, HostMaintenance maintenance,
            HostIdentities identities, ClusterMembership clusters, HostLicensingSettings licensing) {
        this.licensing = licensing;
        this.identities = identities;
        this.clusters = clusters;
        this.maintenance = maintenance;
        this.hosts = hosts;
        this.groups = groups;
        this.runtime = runtime;
        this.tree = tree;
        this.health = health;
        this.engines = engines;
        this.policy = policy;
        this.assignments = assignments;
        this.allocation = allocation;
        this.inspection = inspection;
        this.audit = audit;
    }

    /** Connects to the host and, if it answers, registers it; its VMs are not registered (sprawl finds them). */
    public HostSummary register(NewHost request) {
        String name = HostInput.name("name", request.name(), "host");
        UUID groupId = existingGroup(request.hostGroupId());
        policy.require(Permission.HOST_MANAGE, Scope.hostGroup(groupId));
        URI uri = parse(request.uri());
        HostSettings settings = licensing.checked(request.settings());
        licensing.requireForRegistration(settings, groupId);
        clusters.requireManaged(settings.cluster(), null, name, Scope.hostGroup(groupId));
        identities.requireFreeName(name);
        identities.requireNewUri(name, uri);
        String identity = connect(name, uri).identity();
        identities.identifyUnknown();
        try {
            identities.requireNew(name, uri, identity);
        } catch (InvalidInputException e) {
            engines.disconnect(uri);
            throw e;
        }
        Host saved = save(new Host(UUID.randomUUID(), name, uri.toString(), groupId, settings, identity), uri);
        health.answered(saved.id());
        audit.changed("host.register", "host", saved.id(), name, "Registered host " + name + " (" + uri
                + ") in host group " + path(groupId) + ".");
        return saved.summary();
    }

    /** Saves a new host; one that lost a race to the same hypervisor is refused, as its unique index says. */
    private Host save(Host host, URI uri) {
        try {
            return hosts.saveAndFlush(host);
        } catch (org.springframework.dao.DataIntegrityViolationException e) {
            engines.disconnect(uri);
            throw HostIdentities.registeredMeanwhile();
        }
    }

    /** The editions a host may record, for the forms; empty where no editions table is loaded. */
    public List<String> editionNames() {
        return licensing.editionNames();
    }

    /** Changes the host's edition, licence count, cluster and host group to those given. */
    public HostSummary change(UUID id, HostChange change) {
        Host host = visibleHost(id);
        policy.require(Permission.HOST_MANAGE, Scope.host(id));
        UUID target = change.hostGroupId() == null ? host.hostGroupId() : change.hostGroupId();
        if (!target.equals(host.hostGroupId())) {
            existingGroup(target);
            policy.require(Permission.HOST_MANAGE, Scope.hostGroup(target));
        }
        HostSettings settings = licensing.checked(change.settings());
        licensing.requireForChange(host.settings(), settings, id);
        if (!sameText(host.settings().cluster(), settings.cluster())) {
            clusters.requireManaged(settings.cluster(), id, host.summary().name(), Scope.host(id));
        }
        String difference = difference(host, settings, target);
        host.change(settings, target);
        hosts.flush();
        HostSummary after = host.summary();
        if (!difference.isEmpty()) {
            audit.changed("host.change", "host", id, after.name(), "Changed host " + after.name() + ": " + difference + ".");
        }
        return after;
    }

    /** Removes a host without registered VMs from the inventory, and closes Corral's connection to it. */
    public void remove(UUID id) {
        Host host = visibleHost(id);
        policy.require(Permission.HOST_MANAGE, Scope.host(id));
        HostSummary summary = host.summary();
        List<HostAllocation.HostedVm> vms = allocation.vmsOn(id);
        if (!vms.isEmpty()) {
            throw new InvalidInputException("id", "Host " + summary.name() + " has " + vms.size() + " registered VM"
                    + (vms.size() == 1 ? "" : "s") + " (" + namesShown(summary, vms) + "); migrate or delete them first.");
        }
        runtime.findById(id).ifPresent(runtime::delete);
        hosts.delete(host);
        assignments.forget(Scope.host(id));
        audit.changed("host.remove", "host", id, summary.name(), "Removed host " + summary.name() + " ("
                + summary.uri() + ") from the inventory.");
        URI uri = URI.create(summary.uri());
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                engines.disconnect(uri);
            }
        });
    }

    /**
     * Puts the host in maintenance mode and quick-migrates its running and paused VMs to the other
     * hosts of its cluster, one job each; refused for a host with nowhere to move them.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public List<JobView> enterMaintenance(UUID hostId) {
        return maintenance.enter(hostId);
    }

    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public void exitMaintenance(UUID hostId) {
        maintenance.exit(hostId);
    }

    /** Why the caller may not enter (or, if the host is in it, leave) maintenance mode now; empty if they may. */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public Optional<String> whyNotToggleMaintenance(UUID hostId) {
        return tree.inMaintenance(hostId) ? maintenance.whyNotExit(hostId) : maintenance.whyNotEnter(hostId);
    }

    /** The running and paused VMs that entering maintenance mode would move, by name. */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public List<String> vmsToEvacuate(UUID hostId) {
        return maintenance.vmsToMove(hostId);
    }

    /**
     * The host's page: what it is now, what it can do, what its VMs take, and whether it answers.
     * Whether it answered is recorded as the reconciler records it, so that the hosts list agrees
     * with the page at once instead of at the next resync.
     */
    public HostDetails details(UUID id) {
        Host entity = visibleHost(id);
        HostSummary host = entity.summary();
        Integer licences = entity.settings().licenceCount();
        HostInspection.Reading reading = inspection.read(host.uri());
        if (reading.problem() == null) {
            health.answered(id);
            health.capacity(id, reading.facts());
            identities.learned(entity, reading.facts());
        } else {
            health.failed(id, reading.problem());
        }
        HostHealth.Status status = runtime.findById(id).map(HostRuntime::status).orElse(null);
        AccessPolicy.Visibility v = policy.visibility(Permission.INVENTORY_VIEW);
        List<HostAllocation.HostedVm> vms = allocation.vmsOn(id).stream()
                .filter(vm -> HostService.visibleVm(host, vm, v)).toList();
        // The engine URI names where and how Corral reaches the hypervisor: only for those who manage the host.
        HostSummary shown = policy.allows(Permission.HOST_MANAGE, Scope.host(id)) ? host : host.withoutUri();
        return new HostDetails(shown, path(host.hostGroupId()), licences, reading.facts(), reading.problem(),
                HostInspection.missing(reading.capabilities()), HostInspection.requirements(reading.facts()),
                allocation.on(id), status, vms, entity.inMaintenance());
    }

    /** The VMs the caller may see by name (ten at most), the others only counted: hidden means hidden. */
    private String namesShown(HostSummary host, List<HostAllocation.HostedVm> vms) {
        AccessPolicy.Visibility v = policy.visibility(Permission.INVENTORY_VIEW);
        List<String> seen = vms.stream().filter(vm -> HostService.visibleVm(host, vm, v)).map(HostAllocation.HostedVm::name)
                .toList();
        List<String> parts = new java.util.ArrayList<>(seen.stream().limit(10).toList());
        if (seen.size() > 10) {
            parts.add((seen.size() - 10) + " more");
        }
        int hidden = vms.size() - seen.size();
        if (hidden > 0) {
            parts.add(hidden + (parts.isEmpty() ? "" : " more") + " that you may not see");
        }
        return String.join(", ", parts);
    }

    /** The host's host group and settings now, for a change that gives only some of them. */
    @Transactional(readOnly = true)
    public HostChange current(UUID id) {
        Host host = visibleHost(id);
        HostSettings settings = host.settings();
        return new HostChange(host.hostGroupId(), settings.edition(), settings.licenceCount(), settings.cluster());
    }

    /** The host groups where the caller may register hosts; empty when host.manage is held nowhere. */
    @Transactional(readOnly = true)
    public List<HostGroupSummary> registrableGroups() {
        return tree.groups().stream().filter(g -> policy.allows(Permission.HOST_MANAGE, Scope.hostGroup(g.id()))).toList();
    }

    /** Whether the caller may change this host's edition and licence count. */
    @Transactional(readOnly = true)
    public boolean mayLicense(UUID hostId) {
        return licensing.mayLicense(hostId);
    }

    /** Whether the caller may give an edition and licence count to hosts registered in this host group. */
    @Transactional(readOnly = true)
    public boolean mayLicenseInGroup(UUID groupId) {
        return licensing.mayLicenseInGroup(groupId);
    }

    /** Whether the caller may change or remove this host. */
    @Transactional(readOnly = true)
    public boolean mayManage(UUID hostId) {
        return policy.allows(Permission.HOST_MANAGE, Scope.host(hostId));
    }

    private dev.corral.engine.HostFacts connect(String name, URI uri) {
        try {
            HostConnection connection = engines.connection(uri);
            dev.corral.engine.HostFacts facts = connection.facts();
            connection.capabilities();
            return facts;
        } catch (EngineException e) {
            engines.disconnect(uri);
            audit.failed("host.register", "host", name, "Could not register host " + name + " at " + uri + ": "
                    + e.getMessage());
            // A URI the engine refuses to try (a parameter, a local hypervisor) is said as it is.
            throw new InvalidInputException("uri", e instanceof EngineException.InvalidSpec ? e.getMessage()
                    : "Corral could not register " + name + ": " + e.getMessage());
        }
    }

    private static URI parse(String text) {
        try {
            return Engines.parseHostUri(text);
        } catch (EngineException e) {
            throw new InvalidInputException("uri", e.getMessage());
        }
    }

    private static boolean sameText(String a, String b) {
        return a == null ? b == null : a.equalsIgnoreCase(b);
    }

    private UUID existingGroup(UUID groupId) {
        if (groupId == null || !groups.existsById(groupId)) {
            throw new InvalidInputException("hostGroupId", "Choose the host group the host belongs to.");
        }
        return groupId;
    }

    private Host visibleHost(UUID id) {
        Host host = hosts.findById(id).orElseThrow(HostAdministration::noSuchHost);
        if (!HostService.visible(host.summary(), policy.visibility(Permission.INVENTORY_VIEW))) {
            throw noSuchHost();
        }
        return host;
    }

    private static NotFoundException noSuchHost() {
        return new NotFoundException("There is no such host, or your roles do not let you see it.");
    }

    private String path(UUID groupId) {
        return tree.group(groupId).map(HostGroupSummary::path).orElse("(removed)");
    }

    private String difference(Host host, HostSettings settings, UUID target) {
        HostSettings before = host.settings();
        List<String> changes = new ArrayList<>();
        describe(changes, "edition", before.edition(), settings.edition());
        describe(changes, "licence count", before.licenceCount(), settings.licenceCount());
        describe(changes, "cluster", before.cluster(), settings.cluster());
        if (!target.equals(host.hostGroupId())) {
            changes.add("host group " + path(host.hostGroupId()) + " → " + path(target));
        }
        return String.join(", ", changes);
    }

    private static void describe(List<String> changes, String what, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changes.add(what + " " + (before == null ? "none" : before) + " → " + (after == null ? "none" : after));
        }
    }
}
