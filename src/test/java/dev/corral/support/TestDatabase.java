package dev.corral.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ActiveProfilesResolver;

/**
 * Which database the integration tier runs on: a private in-memory H2 per Spring context by
 * default; with {@code -Dcorral.test.database=postgres} (the pom's second failsafe run) the
 * {@code postgres} profile on a real PostgreSQL server that the tier starts once on a loopback
 * port, with a fresh database per Spring context.
 */
public final class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final AtomicInteger databases = new AtomicInteger();
    private static PostgresServer server;

    static boolean postgres() {
        return "postgres".equalsIgnoreCase(System.getProperty("corral.test.database", "h2"));
    }

    /** The profiles: always {@code test}, and {@code postgres} on PostgreSQL. */
    public static final class Profiles implements ActiveProfilesResolver {
        @Override
        public String[] resolve(Class<?> testClass) {
            return postgres() ? new String[] {"test", "postgres"} : new String[] {"test"};
        }
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (!postgres()) {
            return;
        }
        String name = "corral_" + databases.incrementAndGet();
        try {
            PostgresServer running = server();
            try (Connection connection = DriverManager.getConnection(running.jdbcUrl(), PostgresServer.USER,
                    PostgresServer.PASSWORD); Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE " + name);
            }
            String url = running.jdbcUrl().substring(0, running.jdbcUrl().lastIndexOf('/') + 1) + name;
            TestPropertyValues.of("spring.datasource.url=" + url, "spring.datasource.username=" + PostgresServer.USER,
                    "spring.datasource.password=" + PostgresServer.PASSWORD).applyTo(context.getEnvironment());
        } catch (Exception e) {
            throw new IllegalStateException("Could not give the test a PostgreSQL database: " + e.getMessage(), e);
        }
    }

    private static synchronized PostgresServer server() throws Exception {
        if (server == null) {
            if (PostgresServer.unavailable() != null) {
                throw new IllegalStateException(PostgresServer.unavailable());
            }
            server = PostgresServer.start();
            PostgresServer started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (Exception e) {
                    // The temporary folder goes with the machine.
                }
            }));
        }
        return server;
    }
}
