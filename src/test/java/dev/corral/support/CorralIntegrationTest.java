package dev.corral.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on a random port: the embedded directory, a private database (in-memory
 * H2, or PostgreSQL in the postgres run: see {@link TestDatabase}) and a clock the test moves.
 * Classes that use it share one Spring context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles(resolver = TestDatabase.Profiles.class)
@org.springframework.test.context.ContextConfiguration(initializers = TestDatabase.class)
@Import(CorralIntegrationTest.TestClock.class)
public @interface CorralIntegrationTest {

    @TestConfiguration(proxyBeanMethods = false)
    class TestClock {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock(Instant.parse("2026-06-01T08:00:00Z"));
        }
    }
}
