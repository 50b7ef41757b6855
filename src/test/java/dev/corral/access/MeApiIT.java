package dev.corral.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corral.support.ApiClient;
import dev.corral.support.ApiClient.Response;
import dev.corral.support.CorralIntegrationTest;
import dev.corral.support.MutableClock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** {@code GET /api/v1/me} against the embedded demo directory, as a script would call it. */
@CorralIntegrationTest
class MeApiIT {

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    @ParameterizedTest
    @CsvSource({
        "admin,      Ada Admin,     corral-admins",
        "hq-admin,   Hugo Quinn,    hq-admins",
        "branch-ops, Bea Branch,    branch-operators;operators",
        "dev,        Dev Eloper,    developers",
        "auditor,    Audra Auditor, auditors"})
    void eachDemoUserIsKnownWithTheirGroups(String user, String displayName, String groups) {
        Response response = api.get("/api/v1/me", user, "demo");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("name").asString()).isEqualTo(user);
        assertThat(response.json().get("displayName").asString()).isEqualTo(displayName);
        assertThat(response.json().get("groups").valueStream().map(g -> g.asString()).toList())
                .containsExactlyElementsOf(List.of(groups.split(";")));
    }

    @Test
    void wrongPasswordIsRefusedWithProblemJson() {
        Response response = api.get("/api/v1/me", "auditor", "not-the-password");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("status").asInt()).isEqualTo(401);
        assertThat(response.json().get("detail").asString()).isEqualTo("Wrong user name or password.");
        assertThat(response.body()).doesNotContain("not-the-password", "Exception", "at dev.");
    }

    @Test
    void refusedSignInsAreAuditedWithoutThePassword() {
        api.get("/api/v1/me", "auditor", "secret-guess-123");

        Response trail = api.get("/api/v1/audit?principal=auditor&outcome=REFUSED", "auditor", "demo");

        assertThat(trail.status()).isEqualTo(200);
        assertThat(trail.body()).contains("sign-in").contains("Wrong user name or password.")
                .doesNotContain("secret-guess-123");
    }

    @Test
    void noCredentialsIsRefusedWithProblemJson() {
        Response response = api.get("/api/v1/me", null, null);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asString()).contains("HTTP Basic");
    }

    @Test
    void hostileUserNamesSignNobodyIn() {
        for (String name : List.of("*", "*)(uid=*", "admin)(|(a=*", "admin*", "x".repeat(1_000))) {
            Response response = api.get("/api/v1/me", name, "demo");
            assertThat(response.status()).as(name).isEqualTo(401);
            assertThat(response.contentType()).as(name).startsWith("application/problem+json");
        }
    }

    @Test
    void unknownPathsAndMethodsAnswerProblemJson() {
        Response unknown = api.get("/api/v1/no-such-thing", "admin", "demo");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");

        Response wrongMethod = api.send("DELETE", "/api/v1/me", "admin", "demo");
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.contentType()).startsWith("application/problem+json");
    }

    @Test
    void repeatedFailuresLockTheUserNameUntilTheLockExpires() {
        // A name of its own, so the other tests' users stay unlocked; it is a real user.
        String user = "hq-admin";
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(api.get("/api/v1/me", user, "wrong-" + attempt).status()).isEqualTo(401);
        }

        Response locked = api.get("/api/v1/me", user, "demo");
        assertThat(locked.status()).isEqualTo(401);
        assertThat(locked.json().get("title").asString()).isEqualTo("Sign-in locked");
        assertThat(locked.json().get("detail").asString()).contains("Try again in 15 minutes");
        assertThat(api.get("/api/v1/me", "HQ-Admin", "demo").status())
                .as("the lock holds whatever the case of the name").isEqualTo(401);
        assertThat(api.get("/api/v1/me", "admin", "demo").status())
                .as("other names are not affected").isEqualTo(200);

        clock.advance(Duration.ofMinutes(15).plusSeconds(1));

        assertThat(api.get("/api/v1/me", user, "demo").status()).isEqualTo(200);
    }
}
