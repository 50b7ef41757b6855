package dev.corral.access.audit;

import java.util.Locale;

/**
 * The result of walking the hash chain.
 *
 * @param recordsChecked      records examined, up to and including the first broken one
 * @param firstBrokenSequence the first record that does not hold, or null when the chain is intact
 * @param message             a sentence for users
 */
public record ChainVerification(boolean intact, long recordsChecked, Long firstBrokenSequence, String message) {

    static ChainVerification intact(long recordsChecked) {
        return new ChainVerification(true, recordsChecked, null, "The audit trail is intact: "
                + count(recordsChecked) + (recordsChecked == 1 ? " record" : " records") + " checked.");
    }

    static ChainVerification altered(long recordsChecked, long sequence, String what) {
        return new ChainVerification(false, recordsChecked, sequence,
                "The audit trail has been altered: " + what + ".");
    }

    static String count(long n) {
        return String.format(Locale.ENGLISH, "%,d", n);
    }
}
