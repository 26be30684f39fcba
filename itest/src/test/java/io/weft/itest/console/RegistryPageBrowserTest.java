package io.weft.itest.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.weft.itest.support.HeadlessChromium;
import io.weft.itest.support.Http;
import io.weft.itest.support.WeftNode;
import io.weft.registry.session.realclient.RealClient;
import io.weft.registry.session.realclient.RealClients;

/**
 * Weft → Registry in a real headless Chromium on a standalone node: a provider registered by the unmodified
 * {@code registry-client-all} appears (through the session's console feed), search finds it, and disabling it
 * writes the SOFA.CONFIG override on the meta and shows the provider disabled.
 */
class RegistryPageBrowserTest {

    private static final String PAGE = "/system/console/weft-registry";
    private static final String SERVICE = "com.example.ConsoleEchoService:1.0@DEFAULT";
    /** The row of the service whatever instanceId the test client registers with (RealClients sets its own). */
    private static final String SERVICE_ROW = "#services tr[data-id^='" + SERVICE + "#@#']";
    private static final Duration AWAIT = Duration.ofSeconds(60);

    @Test
    @DisplayName("CON-4, CON-5, CON-7, REG-91, REG-66: a real registry-client-all provider appears on Weft → Registry,"
            + " search finds it, Disable writes the override persistent datum on the meta and the page shows it disabled")
    void providerAppearsIsFoundAndDisabled() throws Exception {
        try (WeftNode node = WeftNode.create("registry-browser").start();
                RealClients clients = new RealClients();
                HeadlessChromium chromium = HeadlessChromium.start()) {
            ConsoleUsersAndOspTest.ready(node);
            RealClient provider = clients.start(node.registryPorts().sessionHttp(), "console-echo-app");
            provider.publish(SERVICE, "SOFA", "bolt://127.0.0.1:12200?weight=100");
            Http feed = new Http("http://127.0.0.1:" + node.consoleFeedPort(), "admin", WeftNode.ADMIN_PASSWORD);
            assertTrue(WeftNode.await(AWAIT, () -> feed.get("/console/snapshot").body().contains(SERVICE)),
                    "the session's feed names the service: " + feed.get("/console/snapshot").body());
            assertEquals(400, feed.get("/console/snapshot?x=1").status(), "bad input is refused");
            assertEquals(200, feed.get("/console/snapshot").status(), "and the feed keeps serving");

            String base = node.http().base();
            ChromeDriver driver = chromium.driver();
            WebDriverWait wait = chromium.waiting();
            try {
                driver.get(base + PAGE);
                wait.until(ExpectedConditions.presenceOfElementLocated(By.id("weft-login")));
                chromium.logIn("admin", WeftNode.ADMIN_PASSWORD);
                wait.until(d -> d.findElements(By.id("weft-login")).isEmpty());
                // The login lands on the console's start page: open Weft → Registry again.
                driver.get(base + PAGE);
                wait.until(ExpectedConditions.presenceOfElementLocated(By.id("weft-registry")));

                // Search: a page reads the feed again once its view is 500 ms old, so search again until it is listed.
                assertTrue(WeftNode.await(AWAIT, () -> {
                    driver.get(base + PAGE);
                    WebElement search = wait.until(ExpectedConditions.presenceOfElementLocated(
                            By.cssSelector("#registry-search input[name='q']")));
                    search.sendKeys("consoleecho");
                    search.submit();
                    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("services")));
                    return !driver.findElements(By.cssSelector(SERVICE_ROW)).isEmpty();
                }), "search finds the service: " + driver.findElement(By.id("weft-registry")).getText());
                assertEquals(1, driver.findElements(By.cssSelector("#services tbody tr")).size(),
                        driver.findElement(By.id("services")).getText());

                driver.findElement(By.cssSelector(SERVICE_ROW + " a")).click();
                WebElement row = wait.until(ExpectedConditions.presenceOfElementLocated(
                        By.cssSelector("#publishers tr[data-address='127.0.0.1:12200']")));
                assertEquals("enabled", row.findElement(By.className("state")).getText());
                assertTrue(row.getText().contains("console-echo-app"), row.getText());

                String persistentBefore = metric(node, "registry_meta_persistent_data");
                row.findElement(By.cssSelector(".toggle-form button[type='submit']")).click();
                WebElement message = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("registry-message")));
                assertTrue(message.getText().contains("override override://127.0.0.1:12200?disabled=true"),
                        message.getText());
                row = wait.until(ExpectedConditions.presenceOfElementLocated(
                        By.cssSelector("#publishers tr[data-address='127.0.0.1:12200']")));
                assertEquals("disabled", row.findElement(By.className("state")).getText());
                assertEquals("0.0", persistentBefore, "no persistent data before the disable");
                assertEquals("1.0", metric(node, "registry_meta_persistent_data"), "the override datum on the meta");
                chromium.screenshot("registry-page.png");
            } catch (AssertionError | RuntimeException e) {
                try {
                    chromium.screenshot("registry-page-failure.png");
                } catch (RuntimeException | IOException ignored) {
                    // the assertion's own message matters more
                }
                throw e;
            }
        }
    }

    /** A gauge's value from the node's /metrics. */
    private static String metric(WeftNode node, String name) {
        for (String line : node.http().get("/metrics").body().split("\n")) {
            if (line.startsWith(name + " ")) {
                return line.substring(name.length() + 1).strip();
            }
        }
        return "absent";
    }
}
