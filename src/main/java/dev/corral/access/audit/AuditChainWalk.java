package dev.corral.access.audit;

import static dev.corral.access.audit.ChainVerification.count;

import java.util.Optional;

/**
 * Follows the chain one record at a time, in sequence order, without holding the records: each
 * must carry the next sequence number, point at the hash of the one before, and match its own hash.
 */
final class AuditChainWalk {

    private long expectedSequence = 1;
    private String previousHash = AuditHash.GENESIS;
    private long checked;

    /** Empty while the chain holds; otherwise the verdict on the first record that breaks it. */
    Optional<ChainVerification> check(AuditRecord record) {
        checked++;
        long sequence = record.sequence();
        if (sequence != expectedSequence) {
            return Optional.of(ChainVerification.altered(checked, expectedSequence, missing(expectedSequence, sequence - 1)));
        }
        if (!record.computeHash().equals(record.hash())) {
            return Optional.of(ChainVerification.altered(checked, sequence,
                    "record " + count(sequence) + " does not match its hash"));
        }
        if (!previousHash.equals(record.previousHash())) {
            return Optional.of(ChainVerification.altered(checked, sequence, "record " + count(sequence)
                    + " is not chained to the record before it"));
        }
        expectedSequence = sequence + 1;
        previousHash = record.hash();
        return Optional.empty();
    }

    /**
     * The verdict once every record up to the head has been checked: the head names the last
     * record appended, so records removed from the end are found too.
     */
    ChainVerification finish(long headSequence, String headHash) {
        long last = expectedSequence - 1;
        if (last < headSequence) {
            return ChainVerification.altered(checked, expectedSequence, missing(expectedSequence, headSequence));
        }
        if (!previousHash.equals(headHash)) {
            return ChainVerification.altered(checked, last, "record " + count(last)
                    + " is not the last record appended");
        }
        return ChainVerification.intact(checked);
    }

    private static String missing(long first, long last) {
        return first == last ? "record " + count(first) + " is missing"
                : "records " + count(first) + " to " + count(last) + " are missing";
    }
}
