package org.careweave.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium for browser tests, one per test class: register with
 * {@code @RegisterExtension static Browser browser = new Browser();}. The class is skipped, with a message saying
 * what to install, only when Chromium or its driver is missing. Cookies are cleared after each test, so each test
 * starts signed out.
 */
public final class Browser implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback {

    // Debian's packages by default; the system properties exist to run elsewhere or to check the skip path.
    static final Path CHROMIUM = Path.of(System.getProperty("careweave.test.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("careweave.test.chromedriver", "/usr/bin/chromedriver"));
    static final String SKIP_MESSAGE = "Browser test skipped: " + CHROMIUM + " or " + CHROMEDRIVER
            + " is not installed (apt-get install chromium chromium-driver)";
    static final Path AXE = Path.of("node_modules/axe-core/axe.min.js");

    private WebDriver driver;
    private Path profile;
    private String baseUrl;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        if (!installed()) {
            System.err.println(SKIP_MESSAGE);
            return;
        }
        // Both paths are given, so Selenium Manager never tries to download a browser or driver.
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        profile = Files.createTempDirectory("careweave-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1280,1024", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30)).scriptTimeout(Duration.ofSeconds(30));
    }

    // Skipping each test, rather than the class, makes the reports show every skipped test with the reason.
    @Override
    public void beforeEach(ExtensionContext context) {
        Assumptions.assumeTrue(driver != null, SKIP_MESSAGE);
    }

    private static boolean installed() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (driver != null) {
            driver.manage().deleteAllCookies();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    public WebDriver driver() {
        return driver;
    }

    /** Where the application under test listens, for example {@code http://localhost:43210}. */
    public Browser at(int port) {
        baseUrl = "http://localhost:" + port;
        return this;
    }

    public void open(String path) {
        driver.get(baseUrl + path);
    }

    /** The current path and query, without the base URL. */
    public String path() {
        return driver.getCurrentUrl().substring(baseUrl.length());
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    public void signIn(String username, String password) {
        open("/login");
        find("#username").sendKeys(username);
        find("#password").sendKeys(password);
        clickAndFollow("form[action$='/login'] button[type=submit]");
    }

    /** Clicks something that leads to another page and waits (up to 10 s) until the browser has left this one. */
    public void clickAndFollow(String css) {
        WebElement target = find(css);
        target.click();
        new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(10))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(target));
    }

    public void screenshot(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    /**
     * Runs axe-core (from node_modules, installed by the build) on the current page and returns the violations
     * with impact "serious" or "critical", each as id, impact, help and the first offending elements.
     */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> seriousAccessibilityViolations() throws IOException {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript(Files.readString(AXE, StandardCharsets.UTF_8));
        Object result = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { resultTypes: ['violations'] })
                  .then(r => done(r.violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => ({ id: v.id, impact: v.impact, help: v.help,
                                 nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ')) }))))
                  .catch(e => done([{ id: 'axe-error', impact: 'critical', help: String(e), nodes: [] }]));""");
        return (List<Map<String, Object>>) result;
    }
}
