package dev.corral.hosts;

import dev.corral.access.AccessPolicy;
import dev.corral.access.Permission;
import dev.corral.access.Scope;
import dev.corral.base.InvalidInputException;
import dev.corral.base.NotFoundException;
import dev.corral.jobs.JobView;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Maintenance mode: a host in it receives no new or migrated VMs, and entering it quick-migrates
 * its running and paused VMs to the other hosts of its cluster. Not transactional as a whole: the
 * flag is committed before the migration jobs are recorded, so that their threads find them.
 */
@Service
class HostMaintenance {

    private final HostRepository hosts;
    private final HostTree tree;
    private final AccessPolicy policy;
    private final HostInspection inspection;
    private final HostEvacuation evacuation;
    private final HostAudit audit;
    private final TransactionTemplate transactions;

    HostMaintenance(HostRepository hosts, HostTree tree, AccessPolicy policy, HostInspection inspection,
            HostEvacuation evacuation, HostAudit audit, TransactionTemplate transactions) {
        this.hosts = hosts;
        this.tree = tree;
        this.policy = policy;
        this.inspection = inspection;
        this.evacuation = evacuation;
        this.audit = audit;
        this.transactions = transactions;
    }

    List<JobView> enter(UUID id) {
        Host host = visibleHost(id);
        policy.require(Permission.HOST_MANAGE, Scope.host(id));
        HostSummary summary = host.summary();
        Optional<String> refusal = host.inMaintenance()
                ? Optional.of(summary.name() + " is in maintenance mode already.") : nowhereToGo(summary);
        if (refusal.isPresent()) {
            throw new InvalidInputException("maintenance", refusal.get());
        }
        setFlag(id, true);
        List<JobView> jobs;
        try {
            jobs = evacuation.evacuate(id);
        } catch (RuntimeException e) {
            setFlag(id, false);
            throw e;
        }
        audit.changed("host.maintenance.enter", "host", id, summary.name(), "Put host " + summary.name()
                + " in maintenance mode" + (jobs.isEmpty() ? "; it ran no VMs." : "; moving " + String.join(", ",
                jobs.stream().map(JobView::vmName).toList()) + " to other hosts of cluster " + summary.cluster() + "."));
        return jobs;
    }

    void exit(UUID id) {
        Host host = visibleHost(id);
        policy.require(Permission.HOST_MANAGE, Scope.host(id));
        if (!host.inMaintenance()) {
            throw new InvalidInputException("maintenance", host.summary().name() + " is not in maintenance mode.");
        }
        setFlag(id, false);
        audit.changed("host.maintenance.exit", "host", id, host.summary().name(), "Took host " + host.summary().name()
                + " out of maintenance mode.");
    }

    /** Why the caller cannot put the host in maintenance mode now, if they cannot. */
    Optional<String> whyNotEnter(UUID id) {
        Host host = visibleHost(id);
        if (!policy.allows(Permission.HOST_MANAGE, Scope.host(id))) {
            return Optional.of("Your roles do not include host.manage on this host.");
        }
        return host.inMaintenance() ? Optional.of("The host is in maintenance mode already.") : nowhereToGo(host.summary());
    }

    /** Why the caller cannot take the host out of maintenance mode, if they cannot. */
    Optional<String> whyNotExit(UUID id) {
        visibleHost(id);
        return policy.allows(Permission.HOST_MANAGE, Scope.host(id)) ? Optional.empty()
                : Optional.of("Your roles do not include host.manage on this host.");
    }

    List<String> vmsToMove(UUID id) {
        visibleHost(id);
        return evacuation.activeVms(id);
    }

    private Optional<String> nowhereToGo(HostSummary host) {
        if (host.cluster() == null) {
            return Optional.of(host.name() + " is in no failover cluster, so its VMs would have nowhere to move; "
                    + "maintenance mode evacuates a host to the other hosts of its cluster.");
        }
        boolean anotherAnswers = tree.hosts().stream()
                .filter(h -> !h.id().equals(host.id()) && host.cluster().equalsIgnoreCase(h.cluster()))
                .filter(h -> !tree.inMaintenance(h.id()))
                .anyMatch(h -> inspection.read(h.uri()).facts() != null);
        return anotherAnswers ? Optional.empty() : Optional.of("No other host of cluster " + host.cluster()
                + " answers and is out of maintenance mode, so " + host.name() + "'s VMs would have nowhere to move.");
    }

    private void setFlag(UUID id, boolean on) {
        transactions.executeWithoutResult(status -> hosts.findById(id).orElseThrow().maintenance(on));
    }

    private Host visibleHost(UUID id) {
        Host host = hosts.findById(id).orElse(null);
        if (host == null || !HostService.visible(host.summary(), policy.visibility(Permission.INVENTORY_VIEW))) {
            throw new NotFoundException("There is no such host, or your roles do not let you see it.");
        }
        return host;
    }
}
