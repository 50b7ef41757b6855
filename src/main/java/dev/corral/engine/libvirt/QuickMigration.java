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
 * the target fails, the VM is restored on the source: a VM is never lost.
 */
final class QuickMigration {

    private static final Logger log = LoggerFactory.getLogger(QuickMigration.class);
    private static final int START_PAUSED = 1;
    private static final int UNDEFINE_MANAGED_SAVE = 1;

    private final LibvirtHost source;
    private final LibvirtHost target;

    QuickMigration(LibvirtHost source, LibvirtHost target) {
        this.source = source;
        this.target = target;
    }

    VmInfo migrate(UUID id) {
        source.capabilities.require(Capability.QUICK_MIGRATION);
        target.capabilities.require(Capability.QUICK_MIGRATION);
        if (source.uri.equals(target.uri)) {
            throw new EngineException.InvalidSpec("VM " + id + " is already on host " + target.label + ".");
        }
        return source.call("Could not move VM " + id + " from host " + source.label + " to host " + target.label,
                src -> {
                    Domain domain = source.domain(src, id);
                    String name = domain.getName();
                    VmState state = DomainStates.of(domain);
                    checkMovable(domain, name, state);
                    String xml = domain.getXMLDesc(LibvirtHost.XML_INACTIVE);
                    VmSpec spec = source.parsed(domain).spec();
                    checkTarget(id, spec, state);
                    if (state == VmState.OFF) {
                        moveDefinition(src, domain, id, name, xml);
                    } else {
                        moveLive(src, domain, id, name, state, xml);
                    }
                    return target.call("Could not read VM " + name + " on host " + target.label,
                            dst -> target.info(target.domain(dst, id)));
                });
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
            try {
                dst.domainLookupByUUIDString(id.toString());
                throw new EngineException.InvalidSpec("Host " + target.label + " already has a VM with id " + id + ".");
            } catch (LibvirtException e) {
                if (!LibvirtErrors.isNotFound(e)) {
                    throw e;
                }
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
        target.call("Could not define VM " + name + " on host " + target.label, dst -> dst.domainDefineXML(xml));
        try {
            domain.undefine(UNDEFINE_MANAGED_SAVE);
        } catch (LibvirtException e) {
            undefineOnTarget(id);
            throw source.fail(src, e, "Could not remove VM " + name + " from host " + source.label
                    + " after defining it on host " + target.label + "; it stays on host " + source.label);
        }
    }

    private void moveLive(Connect src, Domain domain, UUID id, String name, VmState state, String xml)
            throws LibvirtException {
        Path file = Path.of(source.settings.migrationDir(), "corral-migration-" + id + ".sav");
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
            restoreOnTarget(id, name, xml, file, state);
        } catch (EngineException e) {
            rollBack(src, domain, id, name, file, state);
            deleteQuietly(file);
            throw new EngineException.Failed("Could not move VM " + name + " to host " + target.label + "; it stays on host "
                    + source.label + ". " + e.getMessage(), e);
        }
        deleteQuietly(file);
        try {
            domain.undefine(UNDEFINE_MANAGED_SAVE);
        } catch (LibvirtException e) {
            throw source.fail(src, e, "VM " + name + " now runs on host " + target.label
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

    /** Defines and restores the VM on the target, leaving it in the state it had on the source. */
    private void restoreOnTarget(UUID id, String name, String xml, Path file, VmState state) {
        target.call("Could not restore VM " + name + " on host " + target.label, dst -> {
            dst.domainDefineXML(xml);
            dst.restore(file.toString());
            Domain moved = target.domain(dst, id);
            boolean wantPaused = state == VmState.PAUSED || state == VmState.SAVED;
            VmState now = DomainStates.of(moved);
            if (wantPaused && now == VmState.RUNNING) {
                moved.suspend();
            } else if (!wantPaused && now == VmState.PAUSED) {
                moved.resume();
            }
            if (state == VmState.SAVED) {
                moved.managedSave();
            }
            return null;
        });
    }

    private void rollBack(Connect src, Domain domain, UUID id, String name, Path file, VmState state) {
        undefineOnTarget(id);
        try {
            src.restore(file.toString());
            if (state == VmState.PAUSED || state == VmState.SAVED) {
                ensurePaused(domain);
            }
            if (state == VmState.SAVED) {
                domain.managedSave();
            }
        } catch (LibvirtException e) {
            log.error("VM {} could not be restored on host {} after a failed migration; its memory is in {}: {}",
                    name, source.label, file, LibvirtErrors.message(e));
        }
    }

    private static void ensurePaused(Domain domain) throws LibvirtException {
        if (DomainStates.of(domain) == VmState.RUNNING) {
            domain.suspend();
        }
    }

    private void undefineOnTarget(UUID id) {
        try {
            target.call("Could not clean up host " + target.label, dst -> {
                Domain moved = dst.domainLookupByUUIDString(id.toString());
                if (moved.isActive() == 1) {
                    moved.destroy();
                }
                moved.undefine(UNDEFINE_MANAGED_SAVE);
                return null;
            });
        } catch (EngineException e) {
            log.debug("Nothing to clean up on host {}: {}", target.label, e.getMessage());
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
