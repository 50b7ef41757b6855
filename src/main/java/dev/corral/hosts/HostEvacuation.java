package dev.corral.hosts;

import dev.corral.jobs.JobView;
import java.util.List;
import java.util.UUID;

/**
 * Moves the running and paused VMs off a host entering maintenance. Implemented by the VMs
 * feature, which owns VMs and their migration; declared here so that hosts never depend on VMs.
 */
public interface HostEvacuation {

    /** The running and paused VMs registered on the host, by name: those an evacuation would move. */
    List<String> activeVms(UUID hostId);

    /**
     * Quick-migrates each running or paused VM on the host to the other host of its cluster with
     * the most free memory, as one job per VM.
     */
    List<JobView> evacuate(UUID hostId);
}
