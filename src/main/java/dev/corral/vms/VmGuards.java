package dev.corral.vms;

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

/** Asks the {@link PowerOnGuard}s and {@link VmSizeRules} there are, and holds an admission for the length of its job. */
@Component
class VmGuards {

    private final ObjectProvider<PowerOnGuard> guards;
    private final ObjectProvider<VmSizeRules> sizeRules;
    private final VmRuntimeRepository runtime;

    VmGuards(ObjectProvider<PowerOnGuard> guards, ObjectProvider<VmSizeRules> sizeRules, VmRuntimeRepository runtime) {
        this.guards = guards;
        this.sizeRules = sizeRules;
        this.runtime = runtime;
    }

    VmState recordedState(UUID vmId) {
        return runtime.findById(vmId).map(VmRuntime::state).orElse(VmState.UNKNOWN);
    }

    /** Admits the VM with every guard; a refusal releases the admissions already given. */
    Runnable admit(Vm vm, UUID hostId, VmState current, PowerOnGuard.Cause cause) {
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
