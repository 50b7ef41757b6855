package dev.corral.vms;

import dev.corral.access.CurrentCaller;
import dev.corral.access.QuotaGuard;
import dev.corral.access.QuotaUsage;
import dev.corral.access.Scope;
import dev.corral.engine.VmSpec;
import dev.corral.engine.VmState;
import dev.corral.jobs.JobService;
import dev.corral.jobs.JobService.JobRequest;
import dev.corral.jobs.JobView;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The admission of every operation that makes a VM run or changes its size: the {@link PowerOnGuard}s
 * (Windows rights), the {@link VmSizeRules} (the hypervisor's per-VM limits) and the owner's quota.
 * Start, resume, restore, snapshot apply and migration share {@link #admit}; a resize and a
 * snapshot apply share {@link #admitSize}. An admission holds its place until its job has ended.
 */
@Component
class VmGuards {

    private static final Runnable NOTHING_HELD = () -> { };

    private final ObjectProvider<PowerOnGuard> guards;
    private final ObjectProvider<VmSizeRules> sizeRules;
    private final VmRuntimeRepository runtime;
    private final QuotaGuard quotas;

    VmGuards(ObjectProvider<PowerOnGuard> guards, ObjectProvider<VmSizeRules> sizeRules, VmRuntimeRepository runtime,
            QuotaGuard quotas) {
        this.guards = guards;
        this.sizeRules = sizeRules;
        this.runtime = runtime;
        this.quotas = quotas;
    }

    VmState recordedState(UUID vmId) {
        return runtime.findById(vmId).map(VmRuntime::state).orElse(VmState.UNKNOWN);
    }

    /** Admits the VM to begin running at the size it has. */
    Runnable admit(Vm vm, UUID hostId, VmState current, PowerOnGuard.Cause cause) {
        return admit(vm, hostId, current, cause, vm.vcpus(), vm.memoryMiB());
    }

    /**
     * Admits the VM at the size it will have, then, unless {@code cause} is null (it will not run),
     * with every power-on guard. A refusal releases what was already admitted.
     */
    Runnable admit(Vm vm, UUID hostId, VmState current, PowerOnGuard.Cause cause, int vcpus, long memoryMiB) {
        Runnable size = admitSize("vm.snapshot.apply", vm, vcpus, memoryMiB);
        try {
            Runnable power = cause == null ? NOTHING_HELD : powerOn(vm, hostId, current, cause);
            return () -> {
                power.run();
                size.run();
            };
        } catch (RuntimeException e) {
            size.run();
            throw e;
        }
    }

    /**
     * Admits the VM at a new size: the hypervisor's per-VM limits, then, where its owner asks under
     * a quota, the growth against that quota, decided under the owner's quota lock and held until
     * the returned action runs (once the inventory shows the new size), so that parallel changes
     * cannot together pass the quota. Nothing is checked when the size stays.
     */
    Runnable admitSize(String action, Vm vm, int vcpus, long memoryMiB) {
        if (vcpus == vm.vcpus() && memoryMiB == vm.memoryMiB()) {
            return NOTHING_HELD;
        }
        checkSize(vm.hostId(), vm.architecture(), vm.guestFamily(), vcpus, memoryMiB);
        QuotaUsage.Usage growth = new QuotaUsage.Usage(0, Math.max(0, vcpus - vm.vcpus()),
                Math.max(0, memoryMiB - vm.memoryMiB()), 0);
        if (growth.vcpus() == 0 && growth.memoryMiB() == 0 || !CurrentCaller.get().user().equalsIgnoreCase(vm.owner())) {
            return NOTHING_HELD;
        }
        return quotas.reserveRoomFor(action, Scope.host(vm.hostId()), growth);
    }

    /** Admits the VM with every power-on guard; a refusal releases the admissions already given. */
    private Runnable powerOn(Vm vm, UUID hostId, VmState current, PowerOnGuard.Cause cause) {
        List<Runnable> releases = new ArrayList<>();
        try {
            guards.orderedStream().forEach(guard -> releases.add(guard.admit(new PowerOnGuard.PowerOn(vm.id(), vm.name(),
                    hostId, vm.guestFamily(), current, cause))));
        } catch (RuntimeException e) {
            releases.forEach(Runnable::run);
            throw e;
        }
        return () -> releases.forEach(Runnable::run);
    }

    void checkSize(UUID hostId, VmSpec.Architecture architecture, VmSpec.GuestOs.Family family, int vcpus, long memoryMiB) {
        sizeRules.orderedStream().forEach(rules -> rules.check(hostId, architecture, family, vcpus, memoryMiB));
    }

    /** Submits the job; the admission is released when it ends, or at once if it cannot be queued. */
    static JobView submitHolding(JobService jobs, JobRequest request, Runnable release) {
        JobRequest holding = new JobRequest(request.kind(), request.vmId(), request.vmName(), request.hostId(),
                request.mutating(), request.description(), progress -> {
                    try {
                        return request.work().apply(progress);
                    } finally {
                        release.run();
                    }
                });
        try {
            return jobs.submit(holding);
        } catch (RuntimeException e) {
            release.run();
            throw e;
        }
    }
}
