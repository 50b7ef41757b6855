package dev.corral.hosts;

import dev.corral.access.AccessPolicy;
import dev.corral.access.CurrentCaller;
import dev.corral.access.NotPermittedException;
import dev.corral.access.Permission;
import dev.corral.access.Scope;
import dev.corral.access.audit.AuditEvent;
import dev.corral.access.audit.AuditTrail;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Who may put a host in a failover cluster: one who manages every host already in it. A cluster
 * is where evacuation sends a host's VMs, so joining one outside one's scope would draw its VMs
 * onto one's own hosts. The refusal is the same whether the caller sees those hosts or not, and
 * names none of them.
 */
@Component
class ClusterMembership {

    private final HostRepository hosts;
    private final AccessPolicy policy;
    private final AuditTrail audit;

    ClusterMembership(HostRepository hosts, AccessPolicy policy, AuditTrail audit) {
        this.hosts = hosts;
        this.policy = policy;
        this.audit = audit;
    }

    /**
     * Refuses, audited, unless the caller holds host.manage on every other host of the cluster.
     *
     * @param host     the host joining, none while it is being registered
     * @param hostName its name, for the audit trail
     * @param scope    where it joins from (its host group), the scope of the refusal
     */
    void requireManaged(String cluster, UUID host, String hostName, Scope scope) {
        if (cluster == null) {
            return;
        }
        boolean managesAll = hosts.findByClusterIgnoreCase(cluster).stream()
                .filter(member -> !member.id().equals(host))
                .allMatch(member -> policy.allows(Permission.HOST_MANAGE, Scope.host(member.id())));
        if (!managesAll) {
            String why = "A host joins only a cluster whose hosts you all manage (host.manage); cluster " + cluster
                    + " has hosts outside your scope. Choose another cluster name.";
            audit.record(new AuditEvent(CurrentCaller.get().user(), CurrentCaller.sourceAddress(), CurrentCaller.channel(),
                    Permission.HOST_MANAGE.code(), "host", host == null ? null : host.toString(), hostName,
                    AuditEvent.Outcome.REFUSED, "Refused to put host " + hostName + " in cluster " + cluster + ": " + why));
            throw new NotPermittedException(Permission.HOST_MANAGE, scope, why);
        }
    }
}
