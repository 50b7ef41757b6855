package dev.corral.engine.libvirt;

import dev.corral.engine.EngineException;
import dev.corral.engine.IntegrationService;
import dev.corral.engine.VmInfo;
import dev.corral.engine.VmState;
import java.util.UUID;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.LibvirtException;

/** Starting, stopping, pausing and saving VMs, one operation per VM at a time. */
final class PowerOps {

    @FunctionalInterface
    private interface DomainAction {
        void run(Connect connect, Domain domain, String name) throws LibvirtException;
    }

    private final LibvirtHost host;

    PowerOps(LibvirtHost host) {
        this.host = host;
    }

    VmInfo start(UUID id) {
        return power(id, PowerOp.START, (connect, domain, name) -> host.admit(connect, name,
                host.parsed(domain).spec().memoryMiB(), c -> domain.create()));
    }

    VmInfo shutdown(UUID id) {
        return power(id, PowerOp.SHUTDOWN, (connect, domain, name) -> {
            if (!host.parsed(domain).spec().integrationServices().contains(IntegrationService.SHUTDOWN)) {
                throw new EngineException.InvalidState("VM " + name + " has the shutdown integration service off, so "
                        + "its guest cannot be asked to shut down; turn it off instead.");
            }
            domain.shutdown();
        });
    }

    VmInfo turnOff(UUID id) {
        return power(id, PowerOp.TURN_OFF, (connect, domain, name) -> domain.destroy());
    }

    VmInfo reset(UUID id) {
        return power(id, PowerOp.RESET, (connect, domain, name) -> domain.reset());
    }

    VmInfo pause(UUID id) {
        return power(id, PowerOp.PAUSE, (connect, domain, name) -> domain.suspend());
    }

    VmInfo resume(UUID id) {
        return power(id, PowerOp.RESUME, (connect, domain, name) -> domain.resume());
    }

    VmInfo save(UUID id) {
        return power(id, PowerOp.SAVE, (connect, domain, name) -> domain.managedSave());
    }

    private VmInfo power(UUID id, PowerOp op, DomainAction action) {
        if (op.capability != null) {
            host.capabilities.require(op.capability);
        }
        return host.exclusively(id, () -> host.call("Could not " + op.verb + " VM " + id + " on host " + host.label,
                connect -> host.withDomain(connect, id, domain -> {
                    String name = domain.getName();
                    VmState state = DomainStates.of(domain);
                    if (!op.allowed.contains(state)) {
                        throw new EngineException.InvalidState("VM " + name + " is " + DomainStates.describe(state)
                                + "; only " + op.allowedPhrase + " can be " + op.participle + ".");
                    }
                    try {
                        action.run(connect, domain, name);
                    } catch (LibvirtException e) {
                        throw host.fail(connect, e, "Could not " + op.verb + " VM " + name + " on host " + host.label);
                    }
                    return host.info(domain);
                })));
    }
}
