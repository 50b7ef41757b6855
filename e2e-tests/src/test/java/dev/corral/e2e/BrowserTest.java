package dev.corral.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.ScreenshotAnimations;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * One browser per test class, a fresh browser context (no cookies) per test. Subclasses add the
 * Spring Boot test annotation that starts Corral. Screenshots go to target/screenshots/.
 */
abstract class BrowserTest {

    private static Playwright playwright;
    private static Browser browser;

    @LocalServerPort
    int port;

    private BrowserContext context;
    Page page;
    private String testName;
    private final java.util.List<String> browserErrors = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeAll
    static void startBrowser() {
        playwright = Browsers.playwright();
        browser = Browsers.launch(playwright);
    }

    @AfterAll
    static void stopBrowser() {
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void openPage(TestInfo info) {
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800));
        page = context.newPage();
        page.setDefaultTimeout(15_000);
        browserErrors.clear();
        page.onConsoleMessage(message -> {
            if ("error".equals(message.type())) {
                browserErrors.add("console: " + message.text() + " (" + message.location() + ")");
            }
        });
        page.onPageError(error -> browserErrors.add("page error: " + error));
        testName = getClass().getSimpleName() + "-" + info.getDisplayName().replaceAll("[^A-Za-z0-9-]+", "_");
    }

    /** A journey that works for the user but errs in the browser's console fails: the user's next step may not. */
    @AfterEach
    void closePage() {
        context.close();
        org.assertj.core.api.Assertions.assertThat(browserErrors).as("errors in the browser's console").isEmpty();
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    LoginPage openLogin() {
        return LoginPage.open(page, baseUrl());
    }

    void screenshot(String step) {
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setAnimations(ScreenshotAnimations.DISABLED)
                .setPath(Path.of("target", "screenshots", testName + "-" + step + ".png")));
    }
}
