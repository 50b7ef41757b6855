package dev.corral.engine.libvirt;

import dev.corral.engine.Capability;
import dev.corral.engine.EngineException;
import dev.corral.engine.HostCapabilities;
import dev.corral.engine.IntegrationService;
import dev.corral.engine.VmInfo;
import dev.corral.engine.VmInfo.IntegrationStatus;
import dev.corral.engine.VmInfo.IntegrationStatus.Status;
import dev.corral.engine.VmSpec;
import dev.corral.engine.VmState;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.LibvirtException;

/**
 * What the parts of a libvirt host connection share: its link, its kind, how to read a domain,
 * and the locks that let one operation at a time change a VM, and one start at a time claim memory.
 */
final class LibvirtHost {

    static final int XML_INACTIVE = 2;
    /** virDomainXMLFlags: include passwords (of VNC displays); needs a read-write connection. */
    static final int XML_SECURE = 1;
    /** virDomainUndefineFlags: also remove the managed save image and snapshot metadata. */
    static final int UNDEFINE_MANAGED_SAVE = 1;
    static final int UNDEFINE_MANAGED_SAVE_AND_SNAPSHOTS = UNDEFINE_MANAGED_SAVE | 2;

    final URI uri;
    final String label;
    final HostProfile profile;
    final HostCapabilities capabilities;
    final LibvirtSettings settings;
    final String migrationDir;
    final LifecycleEvents events;
    final LibvirtLink link;
    private final Map<UUID, ReentrantLock> vmLocks = new ConcurrentHashMap<>();
    private final ReentrantLock admission = new ReentrantLock();

    LibvirtHost(URI uri, LibvirtSettings settings) {
        this.uri = uri;
        this.label = uri.getHost() != null && !uri.getHost().isBlank() ? uri.getHost() : uri.toString();
        this.profile = HostProfile.of(uri);
        this.settings = settings;
        this.migrationDir = settings.migrationDirFor(profile);
        this.capabilities = capabilities(profile, migrationDir, ConsoleOpener.whyNot(uri, settings.console()));
        this.events = new LifecycleEvents(uri);
        this.link = new LibvirtLink(uri, label, events::register, events::unregister);
    }

    private static HostCapabilities capabilities(HostProfile profile, String migrationDir, String noConsole) {
        Map<Capability, String> unsupported = new EnumMap<>(Capability.class);
        unsupported.putAll(profile.capabilities().unsupported());
        if (migrationDir == null) {
            unsupported.putIfAbsent(Capability.QUICK_MIGRATION,
                    "Quick migration needs a directory shared by the hosts (corral.engine.libvirt.migration-dir).");
        }
        if (noConsole != null) {
            unsupported.putIfAbsent(Capability.CONSOLE, noConsole);
        }
        return new HostCapabilities(unsupported);
    }

    <T> T call(String doing, LibvirtLink.Call<T> call) {
        return link.call(doing, call);
    }

    /**
     * Runs an operation that changes VM {@code id}, refusing at once while another runs: libvirt
     * would let a start slip between a migration's save and undefine, or events show a rename's
     * undefine.
     */
    <T> T exclusively(UUID id, Supplier<T> operation) {
        ReentrantLock lock = vmLocks.computeIfAbsent(id, k -> new ReentrantLock());
        if (!lock.tryLock()) {
            throw new EngineException.InvalidState("VM " + id + " on host " + label + " is busy with another "
                    + "operation; try again when it has finished.");
        }
        try {
            return operation.get();
        } finally {
            lock.unlock();
        }
    }

    /** Checks free memory and starts a domain as one step, so that two starts cannot both fit. */
    void admit(Connect connect, String vmName, long neededMiB, LibvirtLink.Call<?> start) throws LibvirtException {
        admission.lock();
        try {
            long free = freeMemoryMiB(connect);
            if (neededMiB > free) {
                throw new EngineException.Capacity("VM " + vmName + " needs " + neededMiB + " MiB of memory to run, but "
                        + "host " + label + " has only " + free + " MiB free.");
            }
            start.run(connect);
        } finally {
            admission.unlock();
        }
    }

    /** The port's exception for a libvirt failure on {@code connect}. */
    EngineException fail(Connect connect, LibvirtException e, String doing) {
        return link.translate(connect, e, doing);
    }

    /** The domain; the caller frees it. */
    Domain domain(Connect connect, UUID id) throws LibvirtException {
        return Natives.orNotFound(() -> connect.domainLookupByUUIDString(id.toString()),
                () -> "Host " + label + " has no VM with id " + id + ".");
    }

    /** Runs {@code work} with the domain, freed afterwards. */
    <T> T withDomain(Connect connect, UUID id, DomainWork<T> work) throws LibvirtException {
        Domain domain = domain(connect, id);
        try {
            return work.run(domain);
        } finally {
            Natives.free(domain);
        }
    }

    @FunctionalInterface
    interface DomainWork<T> {
        T run(Domain domain) throws LibvirtException;
    }

    /** The domain's persistent configuration as Corral sees it. */
    DomainXml.Parsed parsed(Domain domain) throws LibvirtException {
        String xml = domain.getXMLDesc(XML_INACTIVE);
        try {
            return DomainXml.parse(xml);
        } catch (EngineException.InvalidSpec | IllegalArgumentException e) {
            throw new EngineException.Failed("VM " + domain.getName() + " on host " + label
                    + " is configured in a way Corral cannot show: " + e.getMessage(), e);
        }
    }

    VmInfo info(Domain domain) throws LibvirtException {
        DomainXml.Parsed parsed = parsed(domain);
        VmState state = DomainStates.of(domain);
        return new VmInfo(parsed.id(), parsed.spec(), state, integration(domain, parsed.spec(), state));
    }

    private List<IntegrationStatus> integration(Domain domain, VmSpec spec, VmState state) {
        List<IntegrationStatus> statuses = new ArrayList<>();
        Status running = null;
        for (IntegrationService service : IntegrationService.values()) {
            boolean enabled = spec.integrationServices().contains(service);
            Status status;
            if (!enabled) {
                status = Status.DISABLED;
            } else if (state != VmState.RUNNING) {
                status = Status.NOT_RUNNING;
            } else {
                running = running != null ? running : agentStatus(domain);
                status = running;
            }
            statuses.add(new IntegrationStatus(service, enabled, status));
        }
        return statuses;
    }

    /** QEMU's guest agent stands in for Hyper-V's integration services: one ping says whether the guest answers. */
    private Status agentStatus(Domain domain) {
        if (profile != HostProfile.QEMU) {
            return Status.NOT_REPORTED;
        }
        try {
            domain.qemuAgentCommand("{\"execute\":\"guest-ping\"}", 1, 0);
            return Status.OK;
        } catch (LibvirtException e) {
            return Status.NO_CONTACT;
        }
    }

    /** The domain type for new VMs: fixed per hypervisor, or for QEMU from the setting or the host's offer. */
    String domainType(Connect connect, VmSpec.Architecture architecture) throws LibvirtException {
        String fixed = profile.fixedDomainType();
        if (fixed != null) {
            return fixed;
        }
        if (!"auto".equals(settings.domainType())) {
            return settings.domainType();
        }
        return HostFactsReader.bestQemuDomainType(connect,
                architecture == VmSpec.Architecture.X86 ? "i686" : "x86_64");
    }

    /** Free memory as the host reports it, or total minus what running VMs hold. */
    long freeMemoryMiB(Connect connect) throws LibvirtException {
        return HostFactsReader.freeMemoryMiB(connect, connect.nodeInfo());
    }
}
