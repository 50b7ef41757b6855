package dev.corral.e2e.fleet;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Chromium driving the console, the way the browser tests do (see dev.corral.e2e.Browsers): the
 * browser from {@code corral.e2e.browser} or {@code CORRAL_E2E_BROWSER}, else Playwright's own
 * where installed, else Debian's {@code /usr/bin/chromium}.
 */
final class Console implements AutoCloseable {

    private static final List<String> CHROMIUM_ARGS = List.of("--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
            "--disable-quic");

    /** The VM grid with rows: its heading is the view's, and a row's name link is visible. */
    private static final String GRID_ROWS = "() => { const h = document.querySelector('h2');"
            + " return !!h && h.textContent === 'Virtual machines' && !!document.querySelector('vaadin-grid')"
            + " && [...document.querySelectorAll('vaadin-grid-cell-content a')].some(a => a.offsetParent !== null); }";

    final Playwright playwright;
    final Browser browser;
    final String baseUrl;

    Console(String baseUrl) {
        this.baseUrl = baseUrl;
        playwright = playwright();
        BrowserType.LaunchOptions options = new BrowserType.LaunchOptions().setHeadless(true).setArgs(CHROMIUM_ARGS);
        Path executable = executable();
        if (executable != null) {
            options.setExecutablePath(executable);
        }
        browser = playwright.chromium().launch(options);
    }

    static Playwright playwright() {
        return Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    }

    /** A page in a browser context of its own: no cookies, so a session of its own once signed in. */
    Page newPage() {
        Page page = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800)).newPage();
        page.setDefaultTimeout(120_000);
        return page;
    }

    /** Fills the sign-in form the page shows and submits it. */
    static void submitSignIn(Page page, String user, String password) {
        page.locator("vaadin-login-form").waitFor();
        page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("User name")).fill(user);
        page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Password")).fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
    }

    /**
     * Signs the page's browser context in by posting the sign-in form directly (with the CSRF token the
     * sign-in page carries), without rendering the sign-in view; false if the form could not be posted.
     */
    static boolean postSignIn(Page page, String baseUrl, String user, String password) {
        String html = page.request().get(baseUrl + "/login").text();
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"").matcher(html);
        java.util.regex.Matcher name = java.util.regex.Pattern.compile("<meta name=\"_csrf_parameter\" content=\"([^\"]+)\"")
                .matcher(html);
        if (!token.find() || !name.find()) {
            return false;
        }
        com.microsoft.playwright.APIResponse response = page.request().post(baseUrl + "/login",
                com.microsoft.playwright.options.RequestOptions.create().setMaxRedirects(0).setForm(
                        com.microsoft.playwright.options.FormData.create().set("username", user).set("password", password)
                                .set(name.group(1), token.group(1))));
        String location = response.headers().getOrDefault("location", "");
        return response.status() == 302 && !location.contains("error");
    }

    void signIn(Page page, String user, String password) {
        page.navigate(baseUrl + "/login");
        submitSignIn(page, user, password);
        page.locator(".corral-user-name").waitFor();
    }

    static void waitForGridRows(Page page) {
        page.waitForFunction(GRID_ROWS, null, new Page.WaitForFunctionOptions().setPollingInterval(5));
    }

    /** Waits until the grid shows exactly one VM, this one. */
    static void waitForOnlyRow(Page page, String vm) {
        page.waitForFunction("n => { const links = [...document.querySelectorAll('vaadin-grid-cell-content a')]"
                + ".filter(a => a.offsetParent !== null); return links.length === 1 && links[0].textContent === n; }", vm,
                new Page.WaitForFunctionOptions().setPollingInterval(5));
    }

    /** Waits until the grid (filtered to that VM) shows it in that state. */
    static void waitForState(Page page, String vm, String state) {
        page.waitForFunction("([vm, state]) => { const links = [...document.querySelectorAll('vaadin-grid-cell-content a')]"
                + ".filter(a => a.offsetParent !== null); if (links.length !== 1 || links[0].textContent !== vm) return false;"
                + " return [...document.querySelectorAll('vaadin-grid-cell-content')]"
                + ".some(c => c.offsetParent !== null && c.textContent.trim() === state); }", List.of(vm, state),
                new Page.WaitForFunctionOptions().setPollingInterval(5).setTimeout(30_000));
    }

    static void clickMenu(Page page, String item) {
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(item).setExact(true)).first().click();
    }

    @Override
    public void close() {
        playwright.close();
    }

    private static Path executable() {
        String configured = System.getProperty("corral.e2e.browser", System.getenv("CORRAL_E2E_BROWSER"));
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        String custom = System.getenv("PLAYWRIGHT_BROWSERS_PATH");
        Path cache = custom != null && !custom.isBlank() && !"0".equals(custom) ? Path.of(custom)
                : Path.of(System.getProperty("user.home"), ".cache", "ms-playwright");
        try (var entries = Files.list(cache)) {
            if (entries.anyMatch(p -> p.getFileName().toString().startsWith("chromium"))) {
                return null;
            }
        } catch (Exception noCache) {
            // no Playwright browsers here
        }
        return Path.of("/usr/bin/chromium");
    }
}
