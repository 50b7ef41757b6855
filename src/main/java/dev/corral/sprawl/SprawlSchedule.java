package dev.corral.sprawl;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the sprawl scan every {@code corral.sprawl.scan-interval}, the first time {@code first-scan-delay}
 * after start-up, on the node running the scheduled work.
 */
@Component
class SprawlSchedule {

    private static final Logger log = LoggerFactory.getLogger(SprawlSchedule.class);

    private final SprawlScan scan;
    private final dev.corral.cluster.ClusterNode node;

    SprawlSchedule(SprawlScan scan, dev.corral.cluster.ClusterNode node) {
        this.scan = scan;
        this.node = node;
    }

    @Scheduled(fixedDelayString = "${corral.sprawl.scan-interval:15m}", initialDelayString = "${corral.sprawl.first-scan-delay:1m}")
    void scheduled() {
        if (!node.leads()) {
            return; // another node scans
        }
        try {
            scan.run();
        } catch (RuntimeException e) {
            // The next run tries again; a failed scan changes nothing (its writes are one transaction).
            log.error("The sprawl scan failed", e);
        }
    }
}
