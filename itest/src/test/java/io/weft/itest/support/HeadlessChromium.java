package io.weft.itest.support;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The system's headless Chromium driven through {@code /usr/bin/chromedriver}, set up as
 * {@code MonitorPageBrowserTest} does (same flags: loopback only, no Selenium Manager, a throw-away
 * profile), for browser tests of console pages. Closing it quits the browser, stops the driver and
 * deletes the profile.
 */
public final class HeadlessChromium implements AutoCloseable {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    public static final Duration WAIT = Duration.ofSeconds(30);
    private static final Path SCREENSHOTS = Path.of("target/screenshots");

    private final ChromeDriverService service;
    private final ChromeDriver driver;
    private final Path profile;

    private HeadlessChromium(ChromeDriverService service, ChromeDriver driver, Path profile) {
        this.service = service;
        this.driver = driver;
        this.profile = profile;
    }

    /** Fails the test with the packages to install when Chromium or its driver is missing. */
    public static void require() {
        for (Path binary : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(binary)) {
                fail(binary + " not found: this test drives the system's Chromium; install it with "
                        + "`apt-get install chromium chromium-driver` (Debian/Ubuntu packages)");
            }
        }
    }

    public static HeadlessChromium start() throws IOException {
        require();
        Path profile = Files.createTempDirectory("weft-chromium-");
        Path target = Path.of("target").toAbsolutePath();
        Files.createDirectories(target);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withLogFile(target.resolve("chromedriver.log").toFile())
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--no-default-browser-check", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-extensions", "--disable-domain-reliability",
                "--disable-client-side-phishing-detection", "--no-pings",
                // Only the node on loopback is reachable: any other host name fails to resolve.
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
                "--lang=en-US", "--window-size=1280,1100", "--user-data-dir=" + profile, "--remote-allow-origins=*");
        try {
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(WAIT);
            return new HeadlessChromium(service, driver, profile);
        } catch (RuntimeException e) {
            if (service.isRunning()) {
                service.stop();
            }
            deleteTree(profile);
            throw e;
        }
    }

    public ChromeDriver driver() {
        return driver;
    }

    public WebDriverWait waiting() {
        return new WebDriverWait(driver, WAIT);
    }

    /** The HTTP status of the page now shown, as the browser received it. */
    public long navigationStatus() {
        Object status = driver.executeScript(
                "const n = performance.getEntriesByType('navigation'); return n.length ? n[0].responseStatus : -1;");
        return ((Number) status).longValue();
    }

    /** Fills and submits intelliproxy's login form ({@code #weft-login}). */
    public void logIn(String user, String password) {
        WebElement form = waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("weft-login")));
        WebElement name = form.findElement(By.id("username"));
        name.clear();
        name.sendKeys(user);
        WebElement secret = form.findElement(By.id("password"));
        secret.clear();
        secret.sendKeys(password);
        form.submit();
    }

    public Path screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        File shot = driver.getScreenshotAs(OutputType.FILE);
        Path png = SCREENSHOTS.resolve(name).toAbsolutePath();
        Files.copy(shot.toPath(), png, StandardCopyOption.REPLACE_EXISTING);
        return png;
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            if (service.isRunning()) {
                service.stop();
            }
            deleteTree(profile);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
