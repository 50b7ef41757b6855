package dev.corral.jobs;

import java.time.Clock;
import java.util.EnumSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * At start-up, no job is still running: one that was queued or running when Corral stopped is
 * marked interrupted, and its VM is free for the next operation (the reconciler re-reads its
 * real state from the host).
 */
@Component
@Order(5)
class JobRecovery implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(JobRecovery.class);

    private final JobRepository jobs;
    private final Clock clock;

    JobRecovery(JobRepository jobs, Clock clock) {
        this.jobs = jobs;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        var stale = jobs.findByStateIn(EnumSet.of(JobState.QUEUED, JobState.RUNNING));
        stale.forEach(job -> job.finish(JobState.INTERRUPTED, "Corral stopped while this job ran; the VM's state has "
                + "been re-read from its host. Check it, and run the operation again if needed.", clock.instant()));
        if (!stale.isEmpty()) {
            log.warn("Marked {} jobs interrupted by the last shutdown", stale.size());
        }
    }
}
