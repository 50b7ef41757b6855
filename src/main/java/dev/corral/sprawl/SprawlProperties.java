package dev.corral.sprawl;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Sprawl tracking's settings ({@code corral.sprawl.*} in config/application.yml).
 *
 * @param scanInterval          how often the scan runs (it also runs on demand)
 * @param firstScanDelay        how long after start-up the first scheduled scan runs
 * @param scanThreads           how many hosts are read at once during a scan
 * @param idleOffDays           a VM off (or saved) for more than this many days is idle
 * @param idleNoHeartbeatDays   a running VM whose guest has not answered the heartbeat for more than this many days is idle
 * @param snapshotMaxAgeDays    a snapshot older than this many days is old
 * @param memoryOvercommitRatio a host is over-committed when its VMs are given more memory than this times its physical memory
 * @param vcpuOvercommitRatio   …or more virtual processors than this times its logical processors
 * @param leaseNoticeDays       owners are told of leases that end within this many days
 * @param maxLeaseDays          the longest lease (days from the renewal) where no host group sets its own
 * @param maxLeaseDaysByHostGroup the longest lease per host group, by its path ("HQ", "HQ / Rack 3"); a group
 *                              without an entry takes its nearest ancestor's
 * @param trendDays             how many days the trend chart shows
 */
@ConfigurationProperties("corral.sprawl")
public record SprawlProperties(Duration scanInterval, Duration firstScanDelay, int scanThreads, int idleOffDays,
        int idleNoHeartbeatDays, int snapshotMaxAgeDays, double memoryOvercommitRatio, double vcpuOvercommitRatio,
        int leaseNoticeDays, int maxLeaseDays, Map<String, Integer> maxLeaseDaysByHostGroup, int trendDays) {

    public SprawlProperties {
        scanInterval = scanInterval == null ? Duration.ofMinutes(15) : scanInterval;
        firstScanDelay = firstScanDelay == null ? Duration.ofMinutes(1) : firstScanDelay;
        scanThreads = scanThreads <= 0 ? 16 : scanThreads;
        idleOffDays = idleOffDays <= 0 ? 30 : idleOffDays;
        idleNoHeartbeatDays = idleNoHeartbeatDays <= 0 ? 7 : idleNoHeartbeatDays;
        snapshotMaxAgeDays = snapshotMaxAgeDays <= 0 ? 90 : snapshotMaxAgeDays;
        memoryOvercommitRatio = memoryOvercommitRatio <= 0 ? 1.0 : memoryOvercommitRatio;
        vcpuOvercommitRatio = vcpuOvercommitRatio <= 0 ? 4.0 : vcpuOvercommitRatio;
        leaseNoticeDays = leaseNoticeDays <= 0 ? 7 : leaseNoticeDays;
        maxLeaseDays = maxLeaseDays <= 0 ? 180 : maxLeaseDays;
        maxLeaseDaysByHostGroup = maxLeaseDaysByHostGroup == null ? Map.of() : Map.copyOf(maxLeaseDaysByHostGroup);
        trendDays = trendDays <= 0 ? 30 : trendDays;
    }

    /** The defaults, for tests and benchmarks. */
    public static SprawlProperties defaults() {
        return new SprawlProperties(null, null, 0, 0, 0, 0, 0, 0, 0, 0, null, 0);
    }
}
