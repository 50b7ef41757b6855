package dev.corral.access.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 over a canonical encoding of a record's fields, in a fixed order. Every field is
 * written with a presence marker and, for text, its length in bytes, so that no two different
 * records encode alike: ("ab", "c") and ("a", "bc") differ, and so do null and "".
 */
final class AuditHash {

    /** The previous hash of the first record. */
    static final String GENESIS = "0".repeat(64);

    private static final byte[] DOMAIN = "corral.audit-record.v1".getBytes(StandardCharsets.US_ASCII);
    private static final byte ABSENT = 0;
    private static final byte PRESENT = 1;

    private final MessageDigest digest;

    private AuditHash() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime provides SHA-256", e);
        }
        text(new String(DOMAIN, StandardCharsets.US_ASCII));
    }

    static AuditHash begin() {
        return new AuditHash();
    }

    AuditHash number(long value) {
        digest.update(PRESENT);
        for (int shift = 56; shift >= 0; shift -= 8) {
            digest.update((byte) (value >>> shift));
        }
        return this;
    }

    AuditHash text(String value) {
        if (value == null) {
            digest.update(ABSENT);
            return this;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        digest.update(PRESENT);
        number(bytes.length);
        digest.update(bytes);
        return this;
    }

    /** The hash as 64 lower-case hex digits; the encoder cannot be used afterwards. */
    String hex() {
        return HexFormat.of().formatHex(digest.digest());
    }
}
