package dev.corral.vms;

import dev.corral.access.AccessPolicy;
import dev.corral.access.Permission;
import dev.corral.access.Scope;
import dev.corral.engine.Capability;
import dev.corral.engine.ConsoleStream;
import dev.corral.engine.EngineException;
import dev.corral.engine.Engines;
import dev.corral.engine.HostCapabilities;
import dev.corral.hosts.HostSummary;
import java.net.URI;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Who may see a VM's screen, and the way to it. The console's tickets and relay ask here, so the
 * decision is the access policy's like every other: {@code vm.console} at the VM's scope.
 */
@Service
public class VmConsoles {

    private final VmLookup lookup;
    private final AccessPolicy policy;
    private final Engines engines;
    private final dev.corral.hosts.HostTree tree;

    VmConsoles(VmLookup lookup, AccessPolicy policy, Engines engines, dev.corral.hosts.HostTree tree) {
        this.tree = tree;
        this.lookup = lookup;
        this.policy = policy;
        this.engines = engines;
    }

    /** A VM whose screen someone may open: what the relay needs to reach it, and what people call it. */
    public record Target(UUID vmId, String vmName, UUID hostId, String hostName, URI hostUri) {
    }

    /**
     * Refuses (audited) unless the caller may open this VM's console and its host can give one;
     * a VM the caller may not see is unknown. Asks the host for its capabilities.
     */
    public Target authorize(UUID vmId) {
        Vm vm = lookup.visible(vmId);
        policy.require(Permission.VM_CONSOLE, Scope.vm(vmId));
        HostSummary host = lookup.hostOf(vm);
        URI uri = URI.create(host.uri());
        engines.connection(uri).capabilities().require(Capability.CONSOLE);
        return new Target(vm.id(), vm.name(), host.id(), host.name(), uri);
    }

    /** Whether the caller would be let in, for showing the Console action: nothing is recorded. */
    public boolean mayOpen(UUID vmId, HostCapabilities capabilities) {
        return capabilities != null && capabilities.supports(Capability.CONSOLE)
                && policy.allows(Permission.VM_CONSOLE, Scope.vm(vmId));
    }

    /**
     * For a grid of VMs: which rows the caller may open the console of. The rights are read once
     * (one visibility), each host's capabilities once, whatever the number of rows.
     */
    public java.util.function.Predicate<VmRow> openable() {
        AccessPolicy.Visibility visibility = policy.visibility(Permission.VM_CONSOLE);
        if (visibility.nowhere()) {
            return row -> false;
        }
        java.util.Map<UUID, Boolean> capable = new java.util.concurrent.ConcurrentHashMap<>();
        return row -> {
            UUID group = tree.host(row.hostId()).map(HostSummary::hostGroupId).orElse(null);
            return visibility.vm(row.id(), row.hostId(), group, row.owner())
                    && capable.computeIfAbsent(row.hostId(), this::canShowScreens);
        };
    }

    private boolean canShowScreens(UUID hostId) {
        try {
            return tree.host(hostId).map(h -> engines.connection(URI.create(h.uri())).capabilities().supports(Capability.CONSOLE))
                    .orElse(false);
        } catch (EngineException e) {
            return false;
        }
    }

    /** Whether the caller holds {@code vm.console} there; the host is not asked. */
    public boolean permitted(UUID vmId) {
        return policy.allows(Permission.VM_CONSOLE, Scope.vm(vmId));
    }

    /** Connects to the screen of a VM authorized earlier. */
    public ConsoleStream connect(Target target) {
        return engines.connection(target.hostUri()).openConsole(target.vmId());
    }

    /** Why {@code user} may no longer watch the VM (assignment removed, account disabled, VM gone); empty while they may. */
    public Optional<String> revoked(String user, UUID vmId) {
        try {
            return policy.revoked(user, Permission.VM_CONSOLE, Scope.vm(vmId));
        } catch (EngineException e) {
            return Optional.empty();
        }
    }
}
