package dev.corral.engine.libvirt;

import dev.corral.engine.Capability;
import dev.corral.engine.EngineException;
import dev.corral.engine.VmInfo;
import dev.corral.engine.VmSpec;
import dev.corral.engine.VmState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.Error.ErrorNumber;
import org.libvirt.LibvirtException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves a VM between two libvirt hosts the way Hyper-V's quick migration does: save its memory
 * to a file both hosts see, define and restore it on the target, remove it from the source. If
 * the target fails, the VM is restored on the source, but only once the target is known not to
 * hold it: a VM is never lost, and never runs twice. Where that cannot be known, the memory file
 * is kept and the error says where.
 */
class QuickMigration {

    private static final Logger log = LoggerFactory.getLogger(QuickMigration.class);
    private static final int START_PAUSED = 1;

    private final LibvirtHost source;
    private final LibvirtHost target;

    QuickMigration(LibvirtHost source, LibvirtHost target) {
        this.source = source;
        this.target = target;
    }

    VmInfo migrate(UUID id) {
        if (source.uri.equals(target.uri)) {
            throw new EngineException.Unsupported("Quick migration needs another host as the target; VM " + id
                    + " is already on host " + target.label + ".");
        }
        source.capabilities.require(Capability.QUICK_MIGRATION);
        target.capabilities.require(Capability.QUICK_MIGRATION);
        String doing = "Could not move VM " + id + " from host " + source.label + " to host " + target.label;
        return source.exclusively(id, () -> target.exclusively(id, () -> source.call(doing,
                src -> source.withDomain(src, id, domain -> move(src, domain, id)))));
    }

    private VmInfo move(Connect src, Domain domain, UUID id) throws LibvirtException {
        String name = domain.getName();
        VmState state = DomainStates.of(domain);
        checkMovable(domain, name, state);
        String xml = domain.getXMLDesc(LibvirtHost.XML_INACTIVE);
        VmSpec spec = source.parsed(domain).spec();
        checkTarget(id, spec, state);
        if (state == VmState.OFF) {
            moveDefinition(src, domain, id, name, xml);
        } else {
            moveLive(src, domain, id, spec, state, xml);
        }
        return target.call("Could not read VM " + name + " on host " + target.label,
                dst -> target.withDomain(dst, id, target::info));
    }

    private void checkMovable(Domain domain, String name, VmState state) throws LibvirtException {
        if (state.isTransitional() || state == VmState.UNKNOWN) {
            throw new EngineException.InvalidState("VM " + name + " is " + DomainStates.describe(state)
                    + "; wait until it is off, running, paused or saved to move it.");
        }
        if (domain.snapshotNum() > 0) {
            throw new EngineException.InvalidState("VM " + name + " has snapshots, which quick migration between "
                    + "libvirt hosts cannot carry; delete them before moving it.");
        }
    }

    private void checkTarget(UUID id, VmSpec spec, VmState state) {
        target.call("Could not check host " + target.label + " for VM " + spec.name(), dst -> {
            Domain existing = Natives.orNull(() -> dst.domainLookupByUUIDString(id.toString()));
            if (existing != null) {
                Natives.free(existing);
                throw new EngineException.InvalidSpec("Host " + target.label + " already has a VM with id " + id + ".");
            }
            SpecChecks.check(target, dst, spec, null);
            long free = target.freeMemoryMiB(dst);
            if (state != VmState.OFF && spec.memoryMiB() > free) {
                throw new EngineException.Capacity("VM " + spec.name() + " needs " + spec.memoryMiB() + " MiB, but host "
                        + target.label + " has only " + free + " MiB free.");
            }
            return null;
        });
    }

    private void moveDefinition(Connect src, Domain domain, UUID id, String name, String xml) {
        target.call("Could not define VM " + name + " on host " + target.label,
                dst -> { Natives.free(dst.domainDefineXML(xml)); return null; });
        try {
            domain.undefine(LibvirtHost.UNDEFINE_MANAGED_SAVE);
        } catch (LibvirtException e) {
            removeFromTarget(id);
            throw source.fail(src, e, "Could not remove VM " + name + " from host " + source.label
                    + " after defining it on host " + target.label + "; it stays on host " + source.label);
        }
    }

    private void moveLive(Connect src, Domain domain, UUID id, VmSpec spec, VmState state, String xml)
            throws LibvirtException {
        Path file = Path.of(source.migrationDir, "corral-migration-" + id + ".sav");
        if (state == VmState.SAVED) {
            restorePaused(domain);
        }
        try {
            domain.save(file.toString());
        } catch (LibvirtException e) {
            if (state == VmState.SAVED) {
                domain.managedSave();
            }
            throw e;
        }
        try {
            restoreOnTarget(id, spec, xml, file, state);
        } catch (EngineException e) {
            throw rollBack(src, domain, id, spec.name(), file, state, e);
        }
        deleteQuietly(file);
        try {
            domain.undefine(LibvirtHost.UNDEFINE_MANAGED_SAVE);
        } catch (LibvirtException e) {
            throw source.fail(src, e, "VM " + spec.name() + " now runs on host " + target.label
                    + ", but its old definition could not be removed from host " + source.label);
        }
    }

    /** Brings a managed save image back into memory without letting the guest run, where the driver can. */
    private static void restorePaused(Domain domain) throws LibvirtException {
        try {
            domain.create(START_PAUSED);
        } catch (LibvirtException e) {
            // The test driver rejects the flag (INVALID_ARG); others may say NO_SUPPORT.
            if (LibvirtErrors.code(e) != ErrorNumber.VIR_ERR_INVALID_ARG
                    && LibvirtErrors.code(e) != ErrorNumber.VIR_ERR_NO_SUPPORT) {
                throw e;
            }
            domain.create();
            domain.suspend();
        }
    }

    /** Defines and restores the VM on the target, leaving it in the state it had on the source; tests fail it. */
    void restoreOnTarget(UUID id, VmSpec spec, String xml, Path file, VmState state) {
        target.call("Could not restore VM " + spec.name() + " on host " + target.label, dst -> {
            Natives.free(dst.domainDefineXML(xml));
            target.admit(dst, spec.name(), spec.memoryMiB(), c -> {
                c.restore(file.toString());
                return null;
            });
            return target.withDomain(dst, id, moved -> {
                settle(moved, state);
                return null;
            });
        });
    }

    private static void settle(Domain domain, VmState wanted) throws LibvirtException {
        boolean wantPaused = wanted == VmState.PAUSED || wanted == VmState.SAVED;
        VmState now = DomainStates.of(domain);
        if (wantPaused && now == VmState.RUNNING) {
            domain.suspend();
        } else if (!wantPaused && now == VmState.PAUSED) {
            domain.resume();
        }
        if (wanted == VmState.SAVED) {
            domain.managedSave();
        }
    }

    /** The exception to report after the target failed; restores on the source only when that is safe. */
    private EngineException rollBack(Connect src, Domain domain, UUID id, String name, Path file, VmState state,
            EngineException cause) {
        String failed = "Could not move VM " + name + " to host " + target.label + ": " + cause.getMessage();
        if (!removeFromTarget(id)) {
            return new EngineException.Failed(failed + " Corral cannot tell whether host " + target.label
                    + " holds the VM, so it did not restore it on host " + source.label + "; its memory is kept in "
                    + file + ". Check host " + target.label + ", then restore it on one host only.", cause);
        }
        if (!restoreOnSource(src, domain, name, file, state)) {
            return new EngineException.Failed(failed + " Restoring it on host " + source.label + " failed too; its "
                    + "memory is kept in " + file + ".", cause);
        }
        deleteQuietly(file);
        return new EngineException.Failed(failed + " It stays on host " + source.label + ".", cause);
    }

    private boolean restoreOnSource(Connect src, Domain domain, String name, Path file, VmState state) {
        try {
            src.restore(file.toString());
            settle(domain, state);
            return true;
        } catch (LibvirtException e) {
            log.error("VM {} could not be restored on host {} after a failed migration; its memory is kept in {}: {}",
                    name, source.label, file, LibvirtErrors.message(e));
            return false;
        }
    }

    /** Removes whatever the migration left on the target; true once the target surely does not hold the VM. */
    private boolean removeFromTarget(UUID id) {
        try {
            target.call("Could not clean up host " + target.label, dst -> {
                Domain moved = Natives.orNull(() -> dst.domainLookupByUUIDString(id.toString()));
                if (moved == null) {
                    return null;
                }
                try {
                    if (moved.isActive() == 1) {
                        moved.destroy();
                    }
                    moved.undefine(LibvirtHost.UNDEFINE_MANAGED_SAVE);
                } finally {
                    Natives.free(moved);
                }
                return null;
            });
            return true;
        } catch (EngineException e) {
            log.warn("Could not clean up VM {} on host {}: {}", id, target.label, e.getMessage());
            return false;
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete the migration file {}: {}", file, e.getMessage());
        }
    }
}
