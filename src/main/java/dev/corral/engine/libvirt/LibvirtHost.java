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
import java.util.List;
import java.util.UUID;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.LibvirtException;

/** What the parts of a libvirt host connection share: its link, its kind, and how to read a domain. */
final class LibvirtHost {

    static final int XML_INACTIVE = 2;

    final URI uri;
    final String label;
    final HostProfile profile;
    final HostCapabilities capabilities;
    final LibvirtSettings settings;
    final LifecycleEvents events;
    final LibvirtLink link;

    LibvirtHost(URI uri, LibvirtSettings settings) {
        this.uri = uri;
        this.label = uri.getHost() != null && !uri.getHost().isBlank() ? uri.getHost() : uri.toString();
        this.profile = HostProfile.of(uri);
        this.capabilities = profile.capabilities();
        this.settings = settings;
        this.events = new LifecycleEvents(uri);
        this.link = new LibvirtLink(uri, label, events::register);
    }

    <T> T call(String doing, LibvirtLink.Call<T> call) {
        return link.call(doing, call);
    }

    /** The port's exception for a libvirt failure on {@code connect}. */
    EngineException fail(Connect connect, LibvirtException e, String doing) {
        return link.translate(connect, e, doing);
    }

    Domain domain(Connect connect, UUID id) throws LibvirtException {
        try {
            return connect.domainLookupByUUIDString(id.toString());
        } catch (LibvirtException e) {
            if (LibvirtErrors.isNotFound(e)) {
                throw new EngineException.NotFound("Host " + label + " has no VM with id " + id + ".");
            }
            throw e;
        }
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
        if (profile != HostProfile.QEMU || !capabilities.supports(Capability.INTEGRATION_SERVICE_STATUS)) {
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
