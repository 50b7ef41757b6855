package dev.corral.jobs;

import dev.corral.access.AccessPolicy;
import dev.corral.access.CurrentCaller;
import dev.corral.access.Permission;
import dev.corral.access.Scope;
import dev.corral.engine.EngineException;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs long operations as jobs: recorded before they start, one mutating job per VM at a time
 * (the database refuses a second), executed off the caller's thread with the caller's identity,
 * and ended as succeeded, failed (with the engine's sentence) or interrupted by a restart.
 */
@Service
public class JobService {

    private static final Logger log = LoggerFactory.getLogger(JobService.class);

    private final JobRepository jobs;
    private final TransactionTemplate transactions;
    private final AccessPolicy policy;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ExecutorService workers = Executors.newFixedThreadPool(8, runnable -> {
        Thread thread = new Thread(runnable, "corral-job");
        thread.setDaemon(true);
        return thread;
    });

    private final dev.corral.cluster.ClusterNode node;

    JobService(JobRepository jobs, TransactionTemplate transactions, AccessPolicy policy,
            ApplicationEventPublisher events, Clock clock, dev.corral.cluster.ClusterNode node) {
        this.node = node;
        this.jobs = jobs;
        this.transactions = transactions;
        this.policy = policy;
        this.events = events;
        this.clock = clock;
    }

    /** What to run: which VM, how to name it, and the work, which reports progress and returns the final message. */
    public record JobRequest(String kind, UUID vmId, String vmName, UUID hostId, boolean mutating, String description,
            Function<Progress, String> work) {
    }

    /** Lets the work move the progress bar. */
    public interface Progress {
        void report(int percent, String message);

        /** Names the VM a job concerns once it exists (a creation learns its VM's id on the way). */
        default void concerns(UUID vmId) {
        }
    }

    /** Records the job and starts it; answers at once with the queued job. */
    public JobView submit(JobRequest request) {
        return submit(request, CurrentCaller.get().user());
    }

    /**
     * Records and starts a job that Corral itself requests, with no signed-in caller (a scheduled
     * scan acting on an expired lease): {@code requestedBy} names the requester in the jobs list.
     */
    public JobView submitAs(String requestedBy, JobRequest request) {
        return submit(request, java.util.Objects.requireNonNull(requestedBy));
    }

    private JobView submit(JobRequest request, String requestedBy) {
        JobView queued = record(request, requestedBy);
        workers.execute(new DelegatingSecurityContextRunnable(() -> run(queued.id(), request)));
        return queued;
    }

    /**
     * Runs a short operation on the caller's thread, recorded as a job all the same: it holds the
     * VM as any mutating job does and shows in the jobs strip. Its refusal reaches the caller.
     */
    public JobView runNow(JobRequest request) {
        return execute(record(request, CurrentCaller.get().user()).id(), request);
    }

    private JobView record(JobRequest request, String requestedBy) {
        Job job;
        try {
            job = transactions.execute(status -> jobs.saveAndFlush(new Job(UUID.randomUUID(), request.kind(), request.vmId(),
                    request.vmName(), request.hostId(), request.mutating(), requestedBy, request.description(),
                    clock.instant(), node.name())));
        } catch (DataIntegrityViolationException busy) {
            String other = jobs.findByActiveVmId(request.vmId()).map(j -> j.view().kind()).orElse("another operation");
            throw new JobConflictException("VM " + request.vmName() + " is busy with " + other
                    + "; wait for it to finish.");
        }
        JobView queued = job.view();
        publish(queued);
        return queued;
    }

    private void run(UUID id, JobRequest request) {
        try {
            execute(id, request);
        } catch (EngineException e) {
            // Recorded on the job; the engine's sentence is the whole story.
        } catch (RuntimeException e) {
            log.error("Job {} ({}) failed unexpectedly", id, request.kind(), e);
        }
    }

    /** Runs the work and records how it ended; rethrows what it threw. */
    private JobView execute(UUID id, JobRequest request) {
        change(id, job -> job.start(clock.instant()));
        try {
            String message = request.work().apply(new Progress() {
                @Override
                public void report(int percent, String text) {
                    change(id, job -> job.progress(percent, text));
                }

                @Override
                public void concerns(UUID vmId) {
                    change(id, job -> job.concerns(vmId));
                }
            });
            return change(id, job -> job.finish(JobState.SUCCEEDED, message, clock.instant()));
        } catch (EngineException e) {
            change(id, job -> job.finish(JobState.FAILED, e.getMessage(), clock.instant()));
            throw e;
        } catch (RuntimeException e) {
            String message = e.getMessage() != null && e.getClass().getPackageName().startsWith("dev.corral")
                    ? e.getMessage() : "The operation failed because of an internal error; it has been logged.";
            change(id, job -> job.finish(JobState.FAILED, message, clock.instant()));
            throw e;
        }
    }

    private JobView change(UUID id, java.util.function.Consumer<Job> change) {
        JobView view = transactions.execute(status -> {
            Job job = jobs.findById(id).orElseThrow();
            change.accept(job);
            return job.view();
        });
        publish(view);
        return view;
    }

    private void publish(JobView view) {
        events.publishEvent(new JobChanged(view));
    }

    /** A job, if the caller requested it or may see its VM; empty otherwise, as if it did not exist. */
    public Optional<JobView> job(UUID id) {
        return jobs.findById(id).map(Job::view).filter(this::visible);
    }

    /**
     * Jobs the caller may see: everyone's for those who see the whole inventory with no No Access
     * anywhere, else their own.
     */
    public Page<JobView> list(UUID vmId, JobState state, Pageable page) {
        AccessPolicy.Visibility v = policy.visibility(Permission.INVENTORY_VIEW);
        boolean all = v.everythingUndenied();
        return jobs.search(vmId, state, all ? null : CurrentCaller.get().user(), page).map(Job::view);
    }

    /** Every job on one VM, newest first, for those who may see the VM. */
    public Page<JobView> historyOf(UUID vmId, Pageable page) {
        policy.require(Permission.INVENTORY_VIEW, Scope.vm(vmId));
        return jobs.search(vmId, null, null, page).map(Job::view);
    }

    private boolean visible(JobView job) {
        if (job.requestedBy().equalsIgnoreCase(CurrentCaller.get().user())) {
            return true;
        }
        Scope scope = job.vmId() != null ? Scope.vm(job.vmId()) : job.hostId() != null ? Scope.host(job.hostId()) : Scope.GLOBAL;
        return policy.allows(Permission.INVENTORY_VIEW, scope);
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }
}
