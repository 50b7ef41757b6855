package dev.corral.sprawl;

import java.time.Instant;
import java.util.UUID;

/**
 * What one rule found on one object in one scan; the scan turns observations into findings.
 *
 * @param objectKey identifies the object within the kind, the same from scan to scan
 * @param since     since when the condition holds, where the rule knows it; null: since the scan found it
 */
record Observation(FindingKind kind, String objectKey, String objectName, UUID vmId, UUID hostId, String owner,
        String details, Instant since) {
}
