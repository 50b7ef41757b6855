package dev.corral.sprawl;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What one scan did.
 *
 * @param hostsAnswered hosts that answered; the others' VMs are neither unmanaged nor missing this time
 * @param found         the conditions found (findings open or ignored)
 * @param opened        findings opened (new, or back after being resolved)
 * @param resolved      findings resolved because the scan no longer found them
 * @param leaseActions  expired leases whose action Corral took
 * @param notes         what the scan could not check, and why
 */
public record ScanReport(Instant startedAt, long millis, int hosts, int hostsAnswered, List<Unanswered> unanswered, int vms,
        int found, int opened, int resolved, int leaseActions, List<String> notes) {

    /** A host that did not answer, and why. */
    public record Unanswered(UUID hostId, String hostName, String problem) {
    }

    /** The same report with only the unanswered hosts the reader may see. */
    ScanReport visibleTo(java.util.function.Predicate<UUID> seesHost) {
        return new ScanReport(startedAt, millis, hosts, hostsAnswered,
                unanswered.stream().filter(u -> seesHost.test(u.hostId())).toList(), vms, found, opened, resolved,
                leaseActions, notes);
    }
}
