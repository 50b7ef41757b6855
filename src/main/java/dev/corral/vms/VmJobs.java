package dev.corral.vms;

import dev.corral.access.Channel;
import dev.corral.access.AssignmentService;
import dev.corral.access.CurrentCaller;
import dev.corral.access.Scope;
import dev.corral.access.audit.AuditEvent;
import dev.corral.access.audit.AuditTrail;
import dev.corral.engine.EngineException;
import dev.corral.engine.Engines;
import dev.corral.engine.HostConnection;
import dev.corral.engine.SnapshotInfo;
import dev.corral.engine.VmInfo;
import dev.corral.engine.VmState;
import dev.corral.hosts.HostSummary;
import dev.corral.jobs.JobService.JobRequest;
import java.net.URI;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The work of VM jobs: the engine call, then the inventory and runtime state, then the audit
 * record of how it ended. Built on the request thread (which knows the caller's address), run
 * on a job thread.
 */
@Component
class VmJobs {

    private final Engines engines;
    private final VmRepository vms;
    private final VmRuntimeRepository runtime;
    private final Reconciler reconciler;
    private final TransactionTemplate transactions;
    private final AuditTrail audit;
    private final AssignmentService assignments;
    private final java.time.Clock clock;
    private final VmAdapters adapters;
    private final VmDiskImages diskImages;

    VmJobs(VmDiskImages diskImages, Engines engines, VmRepository vms, VmRuntimeRepository runtime, Reconciler reconciler,
            TransactionTemplate transactions, AuditTrail audit, AssignmentService assignments, java.time.Clock clock,
            VmAdapters adapters) {
        this.clock = clock;
        this.adapters = adapters;
        this.diskImages = diskImages;
        this.assignments = assignments;
        this.engines = engines;
        this.vms = vms;
        this.runtime = runtime;
        this.reconciler = reconciler;
        this.transactions = transactions;
        this.audit = audit;
    }

    JobRequest power(UUID id, String name, HostSummary host, VmAction action) {
        return power(id, name, host, action, Actor.current());
    }

    /** A power operation Corral itself takes (no caller), audited under {@code actor}, e.g. "corral (lease expired)". */
    JobRequest powerAsCorral(UUID id, String name, HostSummary host, VmAction action, String actor) {
        return power(id, name, host, action, Actor.system(actor));
    }

    private JobRequest power(UUID id, String name, HostSummary host, VmAction action, Actor actor) {
        return new JobRequest("vm." + action.code(), id, name, host.id(), true, action.label() + " " + name + " on " + host.name(),
                progress -> audited(actor, "vm." + action.code(), id, name, () -> {
                    VmInfo after = switch (action) {
                        case START -> connection(host).start(id);
                        case SHUTDOWN -> connection(host).shutdown(id);
                        case TURN_OFF -> connection(host).turnOff(id);
                        case RESET -> connection(host).reset(id);
                        case PAUSE -> connection(host).pause(id);
                        case RESUME -> connection(host).resume(id);
                        case SAVE -> connection(host).save(id);
                    };
                    reconciler.record(id, name, after.state(), null);
                    return name + " is " + after.state().name().toLowerCase() + ".";
                }));
    }

    JobRequest delete(UUID id, String name, HostSummary host) {
        Actor actor = Actor.current();
        return new JobRequest("vm.delete", id, name, host.id(), true, "Delete " + name + " from " + host.name(),
                progress -> audited(actor, "vm.delete", id, name, () -> {
                    connection(host).delete(id);
                    transactions.executeWithoutResult(status -> {
                        runtime.deleteById(id);
                        vms.deleteById(id);
                        assignments.forget(Scope.vm(id));
                    });
                    return name + " was deleted from " + host.name() + ".";
                }));
    }

    JobRequest create(VmCreation creation, String owner, Runnable releaseQuota) {
        Actor actor = Actor.current();
        java.time.Instant requested = clock.instant();
        String name = creation.spec().name();
        return new JobRequest("vm.create", null, name, creation.host().id(), false,
                "Create " + name + " on " + creation.host().name(),
                progress -> {
                    try {
                        return audited(actor, "vm.create", null, name, () -> {
                            VmInfo created = connection(creation.host()).define(creation.spec());
                            progress.report(60, "Defined on " + creation.host().name() + "; registering it.");
                            register(creation, owner, actor.user(), requested, created);
                            progress.concerns(created.id());
                            return "Created " + name + " on " + creation.host().name() + ", owned by " + owner + ".";
                        });
                    } finally {
                        releaseQuota.run();
                    }
                });
    }

    JobRequest createSnapshot(UUID id, String name, HostSummary host, String snapshotName) {
        Actor actor = Actor.current();
        return new JobRequest("vm.snapshot.create", id, name, host.id(), true, "Take snapshot " + snapshotName + " of " + name,
                progress -> audited(actor, "vm.snapshot.create", id, name, () -> {
                    connection(host).createSnapshot(id, snapshotName);
                    return "Took snapshot " + snapshotName + " of " + name + ".";
                }));
    }

    JobRequest applySnapshot(UUID id, String name, HostSummary host, SnapshotInfo snapshot) {
        Actor actor = Actor.current();
        return new JobRequest("vm.snapshot.apply", id, name, host.id(), true, "Apply snapshot " + snapshot.name() + " to " + name,
                progress -> audited(actor, "vm.snapshot.apply", id, name, () -> {
                    VmInfo after = connection(host).applySnapshot(id, snapshot.id());
                    // The VM has the snapshot's configuration again: the inventory (and so the quota) says so.
                    transactions.executeWithoutResult(status -> vms.findById(id).ifPresent(vm ->
                            vm.configure(after.spec().vcpus(), after.spec().memoryMiB(), vm.owner())));
                    reconciler.record(id, name, after.state(), null);
                    return name + " is back at snapshot " + snapshot.name() + " and " + after.state().name().toLowerCase() + ".";
                }));
    }

    JobRequest renameSnapshot(UUID id, String name, HostSummary host, SnapshotInfo snapshot, String newName) {
        Actor actor = Actor.current();
        return new JobRequest("vm.snapshot.rename", id, name, host.id(), true,
                "Rename snapshot " + snapshot.name() + " of " + name + " to " + newName,
                progress -> audited(actor, "vm.snapshot.rename", id, name, () -> {
                    connection(host).renameSnapshot(id, snapshot.id(), newName);
                    return "Snapshot " + snapshot.name() + " of " + name + " is now called " + newName + ".";
                }));
    }

    JobRequest deleteSnapshot(UUID id, String name, HostSummary host, SnapshotInfo snapshot, boolean subtree) {
        Actor actor = Actor.current();
        String what = "snapshot " + snapshot.name() + (subtree ? " and its children" : "");
        return new JobRequest("vm.snapshot.delete", id, name, host.id(), true, "Delete " + what + " of " + name,
                progress -> audited(actor, "vm.snapshot.delete", id, name, () -> {
                    connection(host).deleteSnapshot(id, snapshot.id(), subtree);
                    return "Deleted " + what + " of " + name + ".";
                }));
    }

    JobRequest migrate(UUID id, String name, HostSummary source, HostSummary target) {
        Actor actor = Actor.current();
        return new JobRequest("vm.migrate", id, name, source.id(), true,
                "Quick-migrate " + name + " from " + source.name() + " to " + target.name(),
                progress -> audited(actor, "vm.migrate", id, name, () -> {
                    VmInfo after = connection(source).quickMigrate(id, connection(target));
                    progress.report(80, name + " runs on " + target.name() + "; updating the inventory.");
                    transactions.executeWithoutResult(status -> vms.findById(id).ifPresent(vm -> {
                        vm.moveTo(target.id());
                        adapters.sync(id, target.id(), after.spec().networkAdapters());
                    }));
                    reconciler.record(id, name, after.state(), null);
                    return name + " moved from " + source.name() + " to " + target.name() + " and is "
                            + after.state().name().toLowerCase() + ".";
                }));
    }

    /** Records a defined VM in the inventory; if that fails, the VM is removed from its host again. */
    private void register(VmCreation creation, String owner, String creator, java.time.Instant when, VmInfo created) {
        String name = creation.spec().name();
        try {
            java.util.Set<String> staticMacs = creation.spec().networkAdapters().stream().map(dev.corral.engine.VmSpec.NetworkAdapter::mac)
                    .filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.toSet());
            transactions.executeWithoutResult(status -> {
                vms.save(new Vm(created.id(), creation.host().id(), name, owner,
                        creation.spec().vcpus(), creation.spec().memoryMiB(), creation.storageGiB(),
                        creation.spec().guestOs().family().name()).describe(creation.spec().architecture(),
                        creation.spec().guestOs().name(), creation.purpose(), creator, when, creation.lease(), creation.tags()));
                vms.flush();
                adapters.record(created.id(), creation.host().id(), created.spec().networkAdapters(), staticMacs);
                diskImages.record(created.id(), creation.spec().disks(), false);
            });
        } catch (RuntimeException e) {
            connection(creation.host()).delete(created.id());
            throw e;
        }
        reconciler.record(created.id(), name, VmState.OFF, null);
    }

    private HostConnection connection(HostSummary host) {
        return engines.connection(URI.create(host.uri()));
    }

    private String audited(Actor actor, String action, UUID id, String name, Supplier<String> operation) {
        try {
            String message = operation.get();
            audit.record(actor.event(action, id, name, AuditEvent.Outcome.SUCCESS, message));
            return message;
        } catch (EngineException e) {
            audit.record(actor.event(action, id, name, AuditEvent.Outcome.FAILED, e.getMessage()));
            throw e;
        } catch (RuntimeException e) {
            audit.record(actor.event(action, id, name, AuditEvent.Outcome.FAILED, "Internal error: " + e.getClass().getSimpleName()));
            throw e;
        }
    }

    /** Who asked, from where: kept from the request thread for the audit record. */
    private record Actor(String user, String address, Channel channel) {
        static Actor current() {
            return new Actor(CurrentCaller.get().user(), CurrentCaller.sourceAddress(), CurrentCaller.channel());
        }

        static Actor system(String name) {
            return new Actor(name, null, Channel.SYSTEM);
        }

        AuditEvent event(String action, UUID id, String name, AuditEvent.Outcome outcome, String details) {
            return new AuditEvent(user, address, channel, action, "vm", id == null ? null : id.toString(), name, outcome,
                    details);
        }
    }
}
