package dev.corral.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.corral.support.ApiClient;
import dev.corral.support.ApiClient.Response;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The ldap profile pointed at a port where no directory answers: the sign-in page and the API
 * both say the directory is unreachable, not that the password is wrong.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.ldap.urls=ldap://127.0.0.1:9", "spring.ldap.base=dc=corral,dc=local"})
@ActiveProfiles({"test", "ldap"})
class DirectoryUnreachableIT extends BrowserTest {

    @Test
    void theSignInPageSaysTheDirectoryCannotBeReached() {
        LoginPage login = openLogin().signInExpectingFailure("admin", "demo");

        assertThat(login.errorMessage()).containsText("cannot reach the directory");
        screenshot("directory-unreachable");
    }

    @Test
    void theApiAnswers503WithProblemJson() {
        Response response = new ApiClient(port).get("/api/v1/me", "admin", "demo");

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("title").asString()).isEqualTo("Directory unavailable");
    }
}
