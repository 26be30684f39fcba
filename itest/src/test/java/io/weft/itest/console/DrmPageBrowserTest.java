package io.weft.itest.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.weft.drm.client.DrmClient;
import io.weft.drm.client.DrmRegistration;
import io.weft.itest.support.DrmClientHome;
import io.weft.itest.support.DrmConsole;
import io.weft.itest.support.HeadlessChromium;
import io.weft.itest.support.WeftNode;

/**
 * Weft → DRM in a real headless Chromium, as an operator uses it with two application instances running
 * (DRM clients in the test JVM, zones GZ00A and GZ00B): open the attribute the applications declared, push
 * a value, watch the subscribers table, gray-release to one zone, promote, and roll back from the history.
 */
class DrmPageBrowserTest {

    private static final String RESOURCE = "io.weft.itest.Banner";
    private static final String KEY = RESOURCE + ":text";
    private static final Duration DELIVERY = Duration.ofSeconds(15);
    private static final Pattern NUMBER = Pattern.compile("version (\\d+)");

    @Test
    @DisplayName("CON-8, DRM-6, DRM-22, DRM-25: in Chromium an operator opens Weft → DRM, chooses instance default, opens"
            + " the attribute two clients declared, pushes a value (both get it, the subscribers table shows the version),"
            + " gray-releases to zone GZ00A (only that client gets it), promotes (both), and rolls back to the first push")
    void operatorPushesGrayReleasesAndRollsBackInBrowser() throws Exception {
        try (WeftNode node = WeftNode.create("drm-browser").start()) {
            ConsoleUsersAndOspTest.ready(node);
            DrmClientHome homeA = DrmClientHome.create("banner-gz00a");
            DrmClientHome homeB = DrmClientHome.create("banner-gz00b");
            try (DrmClient clientA = homeA.builder(node).zone("GZ00A").build();
                    DrmClient clientB = homeB.builder(node).zone("GZ00B").build();
                    HeadlessChromium chromium = HeadlessChromium.start()) {
                DrmRegistration inA = clientA.register(RESOURCE, Set.of("text"), change -> { });
                DrmRegistration inB = clientB.register(RESOURCE, Set.of("text"), change -> { });
                clientA.start();
                clientB.start();
                assertTrue(WeftNode.await(DELIVERY, () -> homeA.registrations() >= 1 && homeB.registrations() >= 1),
                        "both clients registered: " + homeA.log("drm-monitor.log") + homeB.log("drm-monitor.log"));

                String base = node.http().base();
                ChromeDriver driver = chromium.driver();
                WebDriverWait wait = chromium.waiting();
                try {
                    driver.get(base + DrmConsole.PAGE);
                    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("weft-login")));
                    chromium.logIn("admin", WeftNode.ADMIN_PASSWORD);
                    wait.until(d -> d.findElements(By.id("weft-login")).isEmpty());

                    // Weft → DRM from the console's menu.
                    driver.get(base + "/system/console/bundles");
                    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("navmenu")));
                    WebElement weft = driver.findElement(By.xpath("//ul[@id='navmenu']/li/a[normalize-space()='Weft']"));
                    new org.openqa.selenium.interactions.Actions(driver).moveToElement(weft).perform();
                    WebElement drmEntry = wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
                            "//ul[@id='navmenu']/li[a[normalize-space()='Weft']]//a[normalize-space()='DRM']")));
                    assertEquals(base + DrmConsole.PAGE, drmEntry.getDomProperty("href"));
                    drmEntry.click();
                    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("weft-drm")));
                    assertEquals(200, chromium.navigationStatus());

                    // Instance default, then the attribute the clients declared.
                    WebElement instanceForm = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("instance-form")));
                    new Select(instanceForm.findElement(By.name("instance"))).selectByValue("default");
                    instanceForm.findElement(By.cssSelector("button[type='submit']")).click();
                    WebElement row = wait.until(ExpectedConditions.presenceOfElementLocated(
                            By.cssSelector("#attributes tr[data-key='" + KEY + "']")));
                    row.findElement(By.tagName("a")).click();
                    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("push-form")));
                    assertEquals(KEY, driver.findElement(By.id("drm-attribute")).getDomAttribute("data-key"));

                    // Push to every client.
                    String message = submit(driver, wait, "push-form", "hello from the console", null);
                    assertTrue(message.startsWith("Pushed version "), message);
                    long first = version(message);
                    assertTrue(WeftNode.await(DELIVERY, () -> "hello from the console".equals(inA.value("text"))
                            && "hello from the console".equals(inB.value("text"))),
                            "both clients get the push: " + inA.value("text") + " / " + inB.value("text"));
                    backToDetail(driver, wait);
                    assertTrue(awaitSubscribers(driver, wait, List.of(first, first)),
                            "subscribers table: " + driver.findElement(By.id("drm-subscribers")).getText());

                    // Gray release to zone GZ00A only.
                    message = submit(driver, wait, "gray-form", "gray for GZ00A", "GZ00A");
                    assertTrue(message.startsWith("Gray release: version ") && message.endsWith("pushed to zones GZ00A"),
                            message);
                    long gray = version(message);
                    assertTrue(WeftNode.await(DELIVERY, () -> "gray for GZ00A".equals(inA.value("text"))),
                            "the GZ00A client gets the gray value: " + inA.value("text"));
                    backToDetail(driver, wait);
                    assertEquals(Long.toString(gray), driver.findElement(By.id("gray-version")).getText());
                    assertTrue(awaitSubscribers(driver, wait, List.of(first, gray)),
                            "the GZ00A client holds the gray version, the other the first: "
                                    + driver.findElement(By.id("drm-subscribers")).getText());
                    assertEquals("hello from the console", inB.value("text"), "the GZ00B client is not a gray target");
                    assertEquals(first, inB.version("text"));

                    // Promote: everyone.
                    driver.findElement(By.cssSelector("#promote-form button[type='submit']")).click();
                    wait.until(ExpectedConditions.alertIsPresent()).accept();
                    message = result(wait);
                    assertTrue(message.startsWith("Gray release promoted: version "), message);
                    long promoted = version(message);
                    assertTrue(WeftNode.await(DELIVERY, () -> "gray for GZ00A".equals(inB.value("text"))
                            && inA.version("text") == promoted && inB.version("text") == promoted),
                            "both clients get the promoted value: " + inB.value("text"));
                    backToDetail(driver, wait);

                    // Roll back to the first push from the history table.
                    WebElement firstRow = driver.findElement(By.cssSelector("#history tr[data-version='" + first + "']"));
                    firstRow.findElement(By.cssSelector("button.rollback")).click();
                    wait.until(ExpectedConditions.alertIsPresent()).accept();
                    message = result(wait);
                    assertTrue(message.startsWith("Rolled back " + KEY + " to the value of version " + first), message);
                    assertTrue(WeftNode.await(DELIVERY, () -> "hello from the console".equals(inA.value("text"))
                            && "hello from the console".equals(inB.value("text"))),
                            "both clients get the first value again: " + inA.value("text") + " / " + inB.value("text"));
                    long rolledBack = inA.version("text");
                    assertTrue(rolledBack > promoted, "as a new version: " + rolledBack);
                    backToDetail(driver, wait);
                    assertTrue(awaitSubscribers(driver, wait, List.of(rolledBack, rolledBack)),
                            driver.findElement(By.id("drm-subscribers")).getText());
                    Path shot = chromium.screenshot("drm-page.png");
                    assertTrue(Files.size(shot) > 5_000, shot.toString());
                } catch (AssertionError | RuntimeException e) {
                    try {
                        chromium.screenshot("drm-page-failure.png");
                    } catch (RuntimeException | IOException ignored) {
                        // the assertion's own message matters more
                    }
                    throw e;
                }
            }
        }
    }

    /** Fills the form's value (and zones) and submits it; returns the outcome's text. */
    private static String submit(ChromeDriver driver, WebDriverWait wait, String formId, String value, String zones) {
        WebElement form = driver.findElement(By.id(formId));
        WebElement textarea = form.findElement(By.name("value"));
        textarea.clear();
        textarea.sendKeys(value);
        if (zones != null) {
            WebElement input = form.findElement(By.name("zones"));
            input.clear();
            input.sendKeys(zones);
        }
        form.findElement(By.cssSelector("button[type='submit']")).click();
        return result(wait);
    }

    private static String result(WebDriverWait wait) {
        WebElement result = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#result > p")));
        assertEquals("ok", result.findElement(By.xpath("..")).getDomAttribute("class"), result.getText());
        return result.getText();
    }

    private static void backToDetail(ChromeDriver driver, WebDriverWait wait) {
        driver.findElement(By.id("back")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("drm-attribute")));
    }

    /**
     * Reloads the detail until the subscribers table lists exactly these held versions (in any order), at
     * most {@link #DELIVERY}: the table is what drmdata last heard from each client.
     */
    private static boolean awaitSubscribers(ChromeDriver driver, WebDriverWait wait, List<Long> versions)
            throws InterruptedException {
        List<Long> expected = versions.stream().sorted().toList();
        long deadline = System.nanoTime() + DELIVERY.toNanos();
        while (true) {
            List<Long> held = driver.findElements(By.cssSelector("#subscribers tbody tr")).stream()
                    .map(tr -> Long.parseLong(tr.findElements(By.tagName("td")).get(3).getText().strip()))
                    .sorted().toList();
            if (held.equals(expected)) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(500);
            driver.navigate().refresh();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("drm-attribute")));
        }
    }

    private static long version(String message) {
        Matcher m = NUMBER.matcher(message);
        assertTrue(m.find(), message);
        return Long.parseLong(m.group(1));
    }
}
