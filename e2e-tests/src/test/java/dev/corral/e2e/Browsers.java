package dev.corral.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Starts the browser the suite drives. Which one: the system property {@code corral.e2e.browser}
 * or the environment variable {@code CORRAL_E2E_BROWSER} (a path to a Chromium executable); else
 * Playwright's own Chromium where it has been installed ({@code mvn exec:java -e -D
 * exec.mainClass=com.microsoft.playwright.CLI -Dexec.args="install chromium"}); else the
 * system's {@code /usr/bin/chromium}, as on Debian.
 */
final class Browsers {

    private static final List<String> CHROMIUM_ARGS = List.of("--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
            "--disable-quic");

    private Browsers() {
    }

    static Playwright playwright() {
        return Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    }

    static Browser launch(Playwright playwright) {
        BrowserType.LaunchOptions options = new BrowserType.LaunchOptions().setHeadless(true).setArgs(CHROMIUM_ARGS);
        Path executable = executable();
        if (executable != null) {
            options.setExecutablePath(executable);
        }
        return playwright.chromium().launch(options);
    }

    private static Path executable() {
        String configured = System.getProperty("corral.e2e.browser", System.getenv("CORRAL_E2E_BROWSER"));
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        if (playwrightChromiumInstalled()) {
            return null;
        }
        return Path.of("/usr/bin/chromium");
    }

    private static boolean playwrightChromiumInstalled() {
        String custom = System.getenv("PLAYWRIGHT_BROWSERS_PATH");
        Path cache = custom != null && !custom.isBlank() && !"0".equals(custom)
                ? Path.of(custom)
                : Path.of(System.getProperty("user.home"), ".cache", "ms-playwright");
        try (var entries = Files.list(cache)) {
            return entries.anyMatch(p -> p.getFileName().toString().startsWith("chromium"));
        } catch (Exception noCache) {
            return false;
        }
    }
}
