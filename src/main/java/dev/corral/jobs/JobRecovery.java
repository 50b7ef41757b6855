package dev.corral.jobs;

import dev.corral.cluster.NodeBound;
import java.time.Clock;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * No job stays queued or running after the node running it stopped: when a node starts again
 * its own earlier jobs (and jobs recorded before nodes had names) are marked interrupted, and a
 * node found lost has its jobs marked so by the node running the scheduled work. The VM is then
 * free for the next operation, and the reconciler re-reads its real state from the host.
 */
@Component
class JobRecovery implements NodeBound {

    private static final Logger log = LoggerFactory.getLogger(JobRecovery.class);
    private static final EnumSet<JobState> ACTIVE = EnumSet.of(JobState.QUEUED, JobState.RUNNING);

    private final JobRepository jobs;
    private final TransactionTemplate transactions;
    private final Clock clock;

    JobRecovery(JobRepository jobs, TransactionTemplate transactions, Clock clock) {
        this.jobs = jobs;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Set<String> holders() {
        return new LinkedHashSet<>(jobs.nodesRunning(ACTIVE));
    }

    @Override
    public void release(String node, boolean restarted) {
        String message = restarted
                ? "Corral stopped while this job ran; the VM's state has been re-read from its host. Check it, and run the "
                        + "operation again if needed."
                : "Corral node " + node + ", which ran this job, stopped answering; the VM's state has been re-read from its "
                        + "host. Check it, and run the operation again if needed.";
        int count = transactions.execute(status -> {
            var stale = restarted ? jobs.findOnNodeOrUnnamed(ACTIVE, node) : jobs.findByStateInAndNodeName(ACTIVE, node);
            stale.forEach(job -> job.finish(JobState.INTERRUPTED, message, clock.instant()));
            return stale.size();
        });
        if (count > 0) {
            log.warn(restarted ? "Marked {} jobs interrupted by the last shutdown of node {}"
                    : "Marked {} jobs of lost node {} interrupted", count, node);
        }
    }
}
