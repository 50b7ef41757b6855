package dev.corral.access;

import dev.corral.access.directory.DirectoryTlsSocketFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.ldap.autoconfigure.LdapProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.ldap.core.support.DefaultTlsDirContextAuthenticationStrategy;
import org.springframework.ldap.core.support.LdapContextSource;

/**
 * The connection to an LDAP directory, applied to the context source Spring Boot makes (external
 * or embedded): connect and read timeouts (a directory that does not answer must not hold a
 * request thread for ever), the trust store for {@code ldaps://} and StartTLS, and the JDK's
 * connection pool for the service account's searches. Anything set in
 * {@code spring.ldap.base-environment} wins over these.
 */
@Configuration(proxyBeanMethods = false)
class DirectoryConnection {

    private static final Logger log = LoggerFactory.getLogger(DirectoryConnection.class);

    static final String CONNECT_TIMEOUT = "com.sun.jndi.ldap.connect.timeout";
    static final String READ_TIMEOUT = "com.sun.jndi.ldap.read.timeout";
    private static final String SOCKET_FACTORY = "java.naming.ldap.factory.socket";

    @Bean
    static BeanPostProcessor directoryConnectionSettings(ObjectProvider<DirectoryConnectionProperties> connection,
            ObjectProvider<LdapProperties> ldap) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof LdapContextSource source) {
                    LdapProperties spring = ldap.getIfAvailable();
                    configure(source, connection.getObject(), spring == null ? Map.of() : spring.getBaseEnvironment());
                }
                return bean;
            }
        };
    }

    static void configure(LdapContextSource source, DirectoryConnectionProperties connection,
            Map<String, String> explicit) {
        Map<String, Object> environment = new HashMap<>();
        environment.put(CONNECT_TIMEOUT, Long.toString(connection.connectTimeout().toMillis()));
        environment.put(READ_TIMEOUT, Long.toString(connection.readTimeout().toMillis()));
        SSLSocketFactory tls = connection.trustStore() == null ? null : trustedSockets(connection);
        // For ldaps:// only: with StartTLS the connection starts plain, and is upgraded below.
        if (tls != null && !connection.startTls()) {
            DirectoryTlsSocketFactory.trust(tls);
            environment.put(SOCKET_FACTORY, DirectoryTlsSocketFactory.class.getName());
        }
        if (connection.startTls()) {
            DefaultTlsDirContextAuthenticationStrategy startTls = new DefaultTlsDirContextAuthenticationStrategy();
            if (tls != null) {
                startTls.setSslSocketFactory(tls);
            }
            source.setAuthenticationStrategy(startTls);
        }
        if (connection.pooled()) {
            poolLimits(connection);
            source.setPooled(true);
        } else if (connection.pool() && connection.startTls()) {
            log.info("Directory connections are not pooled: the JDK's pool does not keep StartTLS connections");
        }
        environment.putAll(explicit);
        source.setBaseEnvironmentProperties(environment);
    }

    /**
     * The JDK's LDAP pool reads its limits from system properties, once, when it is first used;
     * they are set here unless already given on the command line.
     */
    private static void poolLimits(DirectoryConnectionProperties connection) {
        System.getProperties().putIfAbsent("com.sun.jndi.ldap.connect.pool.maxsize", connection.poolMaxSize().toString());
        System.getProperties().putIfAbsent("com.sun.jndi.ldap.connect.pool.prefsize", "1");
        System.getProperties().putIfAbsent("com.sun.jndi.ldap.connect.pool.timeout",
                Long.toString(connection.poolIdleTimeout().toMillis()));
        System.getProperties().putIfAbsent("com.sun.jndi.ldap.connect.pool.protocol", "plain ssl");
        System.getProperties().putIfAbsent("com.sun.jndi.ldap.connect.pool.authentication", "simple");
    }

    private static SSLSocketFactory trustedSockets(DirectoryConnectionProperties connection) {
        Path file = Path.of(connection.trustStore());
        try {
            KeyStore store = load(file, connection);
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            log.info("Directory TLS trusts the {} certificate(s) of {}", store.size(), file.toAbsolutePath());
            return context.getSocketFactory();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("corral.directory.trust-store: cannot read " + file.toAbsolutePath()
                    + " as " + type(connection) + " (" + e.getMessage() + ")", e);
        }
    }

    private static KeyStore load(Path file, DirectoryConnectionProperties connection)
            throws IOException, GeneralSecurityException {
        if (type(connection).equals("PEM")) {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            try (InputStream in = Files.newInputStream(file)) {
                int n = 0;
                for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                    store.setCertificateEntry("ca-" + n++, certificate);
                }
            }
            if (store.size() == 0) {
                throw new GeneralSecurityException("no certificate in the file");
            }
            return store;
        }
        KeyStore store = KeyStore.getInstance(type(connection));
        String password = connection.trustStorePassword();
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password == null ? null : password.toCharArray());
        }
        return store;
    }

    private static String type(DirectoryConnectionProperties connection) {
        if (connection.trustStoreType() != null && !connection.trustStoreType().isBlank()) {
            return connection.trustStoreType().strip().toUpperCase(Locale.ROOT);
        }
        String name = connection.trustStore().toLowerCase(Locale.ROOT);
        return name.endsWith(".pem") || name.endsWith(".crt") || name.endsWith(".cer") ? "PEM" : "PKCS12";
    }
}
