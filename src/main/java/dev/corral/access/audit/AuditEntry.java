package dev.corral.access.audit;

import java.time.Instant;

/**
 * One record of the audit trail as the console and the API show it. Channel and outcome are the
 * names recorded ({@code CONSOLE}, {@code SUCCESS}…).
 *
 * @param previousHash the hash of the record before, 64 hex digits (all zeros for the first)
 * @param hash         SHA-256 over all the other fields and the previous hash
 */
public record AuditEntry(long sequence, Instant time, String principal, String sourceAddress, String channel,
        String action, String objectType, String objectId, String objectName, String outcome, String details,
        String previousHash, String hash) {
}
