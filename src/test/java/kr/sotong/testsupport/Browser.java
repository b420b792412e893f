package kr.sotong.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Real headless Chromium (Debian's {@code chromium} + {@code chromium-driver}) for browser journeys, with
 * axe-core checks (WCAG 2.1 A/AA). Fails with a clear message when Chromium is not installed: CI
 * installs it ({@code .ci/run}).
 */
public final class Browser implements AutoCloseable {

    public static final String CHROMIUM = System.getProperty("sotong.chromium", "/usr/bin/chromium");
    public static final String CHROMEDRIVER = System.getProperty("sotong.chromedriver", "/usr/bin/chromedriver");

    private final ChromeDriver driver;
    private final String baseUrl;
    private final Path profile;

    private Browser(ChromeDriver driver, String baseUrl, Path profile) {
        this.driver = driver;
        this.baseUrl = baseUrl;
        this.profile = profile;
    }

    /** Starts headless Chromium against {@code http://localhost:<port>}. */
    public static Browser open(int port) {
        return open(port, 1280, 900);
    }

    public static Browser open(int port, int width, int height) {
        if (!new File(CHROMIUM).canExecute() || !new File(CHROMEDRIVER).canExecute()) {
            throw new IllegalStateException("Chromium이 없습니다: apt-get install -y chromium chromium-driver ("
                    + CHROMIUM + ", " + CHROMEDRIVER + ")");
        }
        try {
            Path profile = Files.createTempDirectory("sotong-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM);
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--disable-quic", "--no-first-run", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--lang=ko-KR", "--window-size=" + width + "," + height,
                    "--user-data-dir=" + profile);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
            return new Browser(driver, "http://localhost:" + port, profile);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public WebDriver driver() {
        return driver;
    }

    public String url(String path) {
        return baseUrl + path;
    }

    public Browser go(String path) {
        driver.get(url(path));
        return this;
    }

    /** Signs in through the login form. */
    public Browser login(String username, String password) {
        go("/login");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        return this;
    }

    /**
     * Runs axe-core (WCAG 2.0/2.1 A and AA) on the current page and fails listing every violation. Legacy
     * mode: no about:blank helper window (which times out on a loaded machine); our pages have no
     * cross-origin frames, so the rules and results are the same.
     */
    public void assertAccessible() {
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                .setLegacyMode(true).analyze(driver);
        List<Rule> violations = results.getViolations();
        String report = violations.stream().map(v -> v.getId() + " (" + v.getImpact() + "): " + v.getHelp() + " → "
                        + v.getNodes().stream().map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("\n"));
        assertThat(violations).as("axe-core violations on " + driver.getCurrentUrl() + "\n" + report).isEmpty();
    }

    public String pageText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /**
     * The page's text once it contains every one of {@code texts} (waits up to 30 s): after a form is submitted
     * by keyboard or click, the next page may still be loading, and the old one may already be gone.
     */
    public String awaitText(String... texts) {
        try {
            return new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(30))
                    .ignoring(org.openqa.selenium.NoSuchElementException.class)
                    .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    // mid-navigation Chromium may also answer "Node with given id does not belong to the document"
                    .ignoring(org.openqa.selenium.WebDriverException.class)
                    .until(d -> {
                        String text = d.findElement(By.tagName("body")).getText();
                        for (String t : texts) {
                            if (!text.contains(t)) {
                                return null;
                            }
                        }
                        return text;
                    });
        } catch (org.openqa.selenium.TimeoutException e) {
            String now;
            try {
                now = pageText();
            } catch (RuntimeException ignored) {
                now = "(no page)";
            }
            throw new AssertionError("page " + driver.getCurrentUrl() + " does not show " + List.of(texts) + ":\n" + now, e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            } catch (Exception ignored) {
                // temp profile; best effort
            }
        }
    }
}
