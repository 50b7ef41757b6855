package dev.corral.access;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How Corral talks to an LDAP directory, beside Spring Boot's {@code spring.ldap.*} (URLs, base,
 * service account). Bound from {@code corral.directory} like {@link DirectoryProperties}; kept
 * apart because these are about the connection, not about where users and groups live.
 *
 * @param connectTimeout     the longest wait for a TCP (and TLS) connection to the directory
 * @param readTimeout        the longest wait for any answer (bind, search): a directory that accepts
 *                           connections but does not answer is "cannot be reached" after this
 * @param startTls           whether plain {@code ldap://} connections are upgraded with StartTLS
 *                           before anything, the service account's bind included, is sent
 * @param trustStore         a file of the certificate authorities trusted for {@code ldaps://} and
 *                           StartTLS (PKCS12, or PEM certificates); unset: the JVM's own
 * @param trustStorePassword the PKCS12 trust store's password (PEM needs none)
 * @param trustStoreType     PKCS12 or PEM; unset: PEM for files ending .pem, .crt or .cer, else PKCS12
 * @param pool               whether the service account's connections (searches, never a user's
 *                           own bind) are kept in the JDK's LDAP connection pool; not with StartTLS
 * @param poolMaxSize        the most pooled connections per directory and credentials
 * @param poolIdleTimeout    how long an unused pooled connection is kept open
 */
@ConfigurationProperties("corral.directory")
record DirectoryConnectionProperties(
        Duration connectTimeout,
        Duration readTimeout,
        boolean startTls,
        String trustStore,
        String trustStorePassword,
        String trustStoreType,
        Boolean pool,
        Integer poolMaxSize,
        Duration poolIdleTimeout) {

    DirectoryConnectionProperties {
        connectTimeout = positive("connect-timeout", connectTimeout, Duration.ofSeconds(5));
        readTimeout = positive("read-timeout", readTimeout, Duration.ofSeconds(10));
        trustStore = trustStore == null || trustStore.isBlank() ? null : trustStore.strip();
        pool = pool == null || pool;
        poolMaxSize = poolMaxSize == null ? 10 : poolMaxSize;
        if (poolMaxSize < 1) {
            throw new IllegalArgumentException("corral.directory.pool-max-size must be at least 1, not " + poolMaxSize);
        }
        poolIdleTimeout = positive("pool-idle-timeout", poolIdleTimeout, Duration.ofMinutes(5));
    }

    /** Pooling and StartTLS do not mix: a pooled connection would be handed out already upgraded. */
    boolean pooled() {
        return pool && !startTls;
    }

    // The password must never reach a log.
    @Override
    public String toString() {
        return "DirectoryConnectionProperties[connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout
                + ", startTls=" + startTls + ", trustStore=" + trustStore + ", trustStoreType=" + trustStoreType
                + ", pool=" + pool + ", poolMaxSize=" + poolMaxSize + ", poolIdleTimeout=" + poolIdleTimeout + "]";
    }

    private static Duration positive(String name, Duration value, Duration fallback) {
        if (value == null) {
            return fallback;
        }
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("corral.directory." + name + " must be longer than zero, not " + value);
        }
        return value;
    }
}
