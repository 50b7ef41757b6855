package dev.corral.hosts;

import dev.corral.access.AccessPolicy;
import dev.corral.access.Permission;
import dev.corral.base.InvalidInputException;
import dev.corral.engine.EngineException;
import dev.corral.engine.Engines;
import dev.corral.engine.HostFacts;
import java.net.URI;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells hosts apart by the hypervisor's own identity (its facts' {@link HostFacts#identity()}),
 * not by the text of their URIs: {@code sim://br-hv01/} or a second spelling of a libvirt URI is
 * the host registered already, and registering it again is refused. The refusal names that host
 * only to a caller who may see it; to others it says no more than that the hypervisor is known.
 */
@Component
class HostIdentities {

    private static final Logger log = LoggerFactory.getLogger(HostIdentities.class);

    private final HostRepository hosts;
    private final Engines engines;
    private final AccessPolicy policy;
    private final HostAudit audit;

    HostIdentities(HostRepository hosts, Engines engines, AccessPolicy policy, HostAudit audit) {
        this.hosts = hosts;
        this.engines = engines;
        this.policy = policy;
        this.audit = audit;
    }

    /**
     * Reads the identity of hosts registered before Corral recorded identities (or that did not
     * answer since), in a transaction of its own so that what was learned stays even if the
     * registration that asked is refused. A host that does not answer stays unknown.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void identifyUnknown() {
        for (Host host : hosts.findByIdentityIsNull()) {
            try {
                learned(host, engines.connection(URI.create(host.summary().uri())).facts());
            } catch (EngineException | IllegalArgumentException e) {
                log.debug("Host {} did not tell its identity: {}", host.summary().name(), e.getMessage());
            }
        }
    }

    /** Records the host's identity from its facts, once; a second host of one machine keeps none, and is logged. */
    void learned(Host host, HostFacts facts) {
        if (facts == null || host.identity() != null) {
            return;
        }
        Optional<Host> other = hosts.findByIdentity(facts.identity());
        if (other.isPresent() && !other.get().id().equals(host.id())) {
            log.warn("Hosts {} and {} are the same hypervisor ({}); remove one of them", other.get().summary().name(),
                    host.summary().name(), facts.identity());
            return;
        }
        host.identify(facts.identity());
    }

    /** Refuses a URI registered already, spelled the same (before Corral connects to it). */
    void requireNewUri(String name, URI uri) {
        Optional<Host> same = hosts.findAll().stream().filter(h -> sameUri(h.summary().uri(), uri)).findFirst();
        if (same.isPresent()) {
            throw registeredAlready(name, uri, same.get());
        }
    }

    /** Refuses a name a host has already; a host the caller cannot see is not confirmed by name. */
    void requireFreeName(String name) {
        Optional<Host> same = hosts.findByNameIgnoreCase(name);
        if (same.isPresent()) {
            throw new InvalidInputException("name", HostService.visible(same.get().summary(),
                    policy.visibility(Permission.INVENTORY_VIEW)) ? "There is already a host named " + name + "."
                            : "This name is not available; choose another.");
        }
    }

    /** Refuses a hypervisor that a registered host is already; the audit trail names that host. */
    void requireNew(String name, URI uri, String identity) {
        Optional<Host> same = hosts.findByIdentity(identity);
        if (same.isPresent()) {
            throw registeredAlready(name, uri, same.get());
        }
    }

    /** The refusal of a registration that lost a race to the same hypervisor (the unique index caught it). */
    static InvalidInputException registeredMeanwhile() {
        return new InvalidInputException("uri", "This hypervisor is registered in Corral already.");
    }

    private InvalidInputException registeredAlready(String name, URI uri, Host existing) {
        String as = existing.summary().name();
        audit.failed("host.register", "host", name, "Could not register host " + name + " at " + uri
                + ": that hypervisor is host " + as + ", registered already.");
        if (HostService.visible(existing.summary(), policy.visibility(Permission.INVENTORY_VIEW))) {
            return new InvalidInputException("uri", "This hypervisor is registered already, as host " + as + ".");
        }
        return registeredMeanwhile();
    }

    private static boolean sameUri(String registered, URI uri) {
        try {
            return URI.create(registered).equals(uri);
        } catch (IllegalArgumentException e) {
            return registered.equals(uri.toString());
        }
    }
}
