package dev.corral.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corral.support.ApiClient;
import dev.corral.support.ApiClient.Response;
import dev.corral.support.CorralIntegrationTest;
import dev.corral.support.MutableClock;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The sign-in throttle as an attacker meets it: a burst of parallel guesses gets exactly the limit
 * evaluated, every spelling of a name shares one count, the signed-in name is the directory's,
 * and a lock triggered from one address does not lock the user out from another.
 */
@CorralIntegrationTest
class SignInApiIT {

    static final int BURST = 20;
    static final int LIMIT = 5;

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcTemplate jdbc;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    // Each test locks a demo user; the other test classes of the shared context need them unlocked.
    @AfterEach
    void unlockEveryone() {
        jdbc.update("delete from sign_in_throttle");
    }

    @Test
    void aBurstOfWrongPasswordsGetsExactlyTheLimitEvaluatedAndTheRestLocked() throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(BURST);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> answers = new ArrayList<>();
        for (int i = 0; i < BURST; i++) {
            int attempt = i;
            Callable<Response> guess = () -> {
                ApiClient caller = new ApiClient(port);
                start.await();
                return caller.get("/api/v1/me", "auditor", "guess-" + attempt);
            };
            answers.add(callers.submit(guess));
        }
        start.countDown();
        List<Response> responses = new ArrayList<>();
        for (Future<Response> answer : answers) {
            responses.add(answer.get());
        }
        callers.shutdown();

        assertThat(responses).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.contentType()).startsWith("application/problem+json");
        });
        Map<String, Long> byTitle = responses.stream()
                .collect(Collectors.groupingBy(r -> r.json().get("title").asString(), Collectors.counting()));
        assertThat(byTitle).containsExactlyInAnyOrderEntriesOf(Map.of(
                "Unauthenticated", (long) LIMIT, "Sign-in locked", (long) (BURST - LIMIT)));
        assertThat(api.get("/api/v1/me", "auditor", "demo").json().get("title").asString())
                .as("the right password after the burst").isEqualTo("Sign-in locked");
    }

    @Test
    void everySpellingOfAUserNameCountsTowardsOneLock() {
        // Case, surrounding spaces, full-width letters: one user to the directory, so one count.
        for (String spelling : List.of("branch-ops", "BRANCH-OPS", " branch-ops ", "\uFF42\uFF52\uFF41\uFF4E\uFF43\uFF48-ops",
                "\uFF22\uFF32\uFF21\uFF2E\uFF23\uFF28\uFF0D\uFF2F\uFF30\uFF33")) {
            assertThat(api.get("/api/v1/me", spelling, "wrong").status()).as(spelling).isEqualTo(401);
        }

        Response locked = api.get("/api/v1/me", "branch-ops", "demo");

        assertThat(locked.status()).isEqualTo(401);
        assertThat(locked.json().get("title").asString()).isEqualTo("Sign-in locked");
    }

    @Test
    void theSignedInNameIsTheDirectorysOwnWhateverSpellingWasTyped() {
        for (String spelling : List.of("DEV", "Dev", "\uFF44\uFF45\uFF56")) {
            Response me = api.get("/api/v1/me", spelling, "demo");

            assertThat(me.status()).as(spelling).isEqualTo(200);
            assertThat(me.json().get("name").asString()).as(spelling).isEqualTo("dev");
        }
    }

    @Test
    void aLockTriggeredFromOneAddressDoesNotLockTheUserOutFromAnother() throws Exception {
        ApiClient attacker = new ApiClient(port, InetAddress.getByName("127.0.0.2"));
        for (int attempt = 1; attempt <= LIMIT; attempt++) {
            assertThat(attacker.get("/api/v1/me", "admin", "wrong-" + attempt).status()).isEqualTo(401);
        }
        Response attackerLocked = attacker.get("/api/v1/me", "admin", "demo");
        assertThat(attackerLocked.json().get("title").asString()).isEqualTo("Sign-in locked");

        Response admin = api.get("/api/v1/me", "admin", "demo");

        assertThat(admin.status()).as("the administrator, from their own address").isEqualTo(200);
        assertThat(admin.json().get("name").asString()).isEqualTo("admin");
    }

    @Test
    void eachLockInARowLastsTwiceAsLongAsTheOneBefore() {
        Function<Integer, Response> lockOut = round -> {
            for (int attempt = 1; attempt <= LIMIT; attempt++) {
                api.get("/api/v1/me", "hq-admin", "wrong-" + round + "-" + attempt);
            }
            return api.get("/api/v1/me", "hq-admin", "demo");
        };

        assertThat(lockOut.apply(1).json().get("detail").asString()).contains("Try again in 15 minutes");
        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        assertThat(lockOut.apply(2).json().get("detail").asString()).contains("Try again in 30 minutes");
        clock.advance(Duration.ofMinutes(30).plusSeconds(1));
        assertThat(lockOut.apply(3).json().get("detail").asString()).contains("Try again in 60 minutes");
        clock.advance(Duration.ofMinutes(60).plusSeconds(1));

        assertThat(api.get("/api/v1/me", "hq-admin", "demo").status()).as("the lock ends").isEqualTo(200);
        assertThat(lockOut.apply(4).json().get("detail").asString())
                .as("a successful sign-in starts the doubling again").contains("Try again in 15 minutes");
    }
}
