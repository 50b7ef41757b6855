package dev.corral.vms;

import dev.corral.engine.HostCapabilities;
import dev.corral.engine.VmInfo;
import java.util.Map;

/**
 * A VM's page: its inventory line and provenance (purpose, creator, lease, tags), what its host reports now (null when the host does not
 * answer, with the reason), and each action with the reason it is unavailable, if it is.
 */
public record VmDetails(VmRow vm, VmProvenance provenance, VmInfo live, String hostProblem, HostCapabilities capabilities,
        Map<String, String> unavailableActions) {
}
