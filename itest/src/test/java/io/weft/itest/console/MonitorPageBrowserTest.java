package io.weft.itest.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.weft.itest.support.HeadlessChromium;
import io.weft.itest.support.WeftNode;

/**
 * The Web Console driven in a real headless Chromium, as an operator uses it: log in, look at the
 * bundle list, open "Weft / Monitor" from the navigation menu and read the figures.
 *
 * <p>The browser is the system's Chromium ({@link HeadlessChromium}); the login is intelliproxy's
 * form, whose session cookie keeps the operator logged in for the pages that follow.
 */
class MonitorPageBrowserTest {

    private static final Pattern PERCENT = Pattern.compile("\\d+\\.\\d %");
    private static final Pattern DECIMAL = Pattern.compile("\\d+\\.\\d\\d");

    @Test
    @DisplayName("CON-23: an operator logs into the console's login form in Chromium and reads the monitor page: figures, thresholds, alerts")
    void operatorReadsMonitorPage() throws Exception {
        HeadlessChromium.require();
        try (WeftNode node = WeftNode.create("monitor-browser").start();
             HeadlessChromium chromium = HeadlessChromium.start()) {
            try {
                readMonitorPage(node, chromium);
            } catch (AssertionError | RuntimeException e) {
                try {
                    chromium.screenshot("monitor-page-failure.png");
                } catch (RuntimeException | IOException ignored) {
                    // the assertion's own message matters more
                }
                throw e;
            }
        }
    }

    private void readMonitorPage(WeftNode node, HeadlessChromium chromium) throws IOException {
        ChromeDriver driver = chromium.driver();
        WebDriverWait wait = chromium.waiting();
        String base = node.http().base();

        // Without a login the console sends the browser to its login form (CON-23, intelliproxy).
        driver.get(base + "/system/console/bundles");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("weft-login")));
        assertTrue(driver.getCurrentUrl().startsWith(base + "/system/console/login"), driver.getCurrentUrl());
        assertNoConsole(driver, "without a login");

        // A wrong password is refused on the form.
        chromium.logIn("admin", "wrong");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("weft-login-error")));
        assertNoConsole(driver, "with a wrong password");

        // The administrator logs in; the session cookie keeps the login from here on.
        chromium.logIn("admin", WeftNode.ADMIN_PASSWORD);
        wait.until(d -> d.findElements(By.id("weft-login")).isEmpty());
        driver.get(base + "/system/console/bundles");
        assertEquals(200, chromium.navigationStatus(), "console after login");
        assertEquals(base + "/system/console/bundles", driver.getCurrentUrl());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("navmenu")));
        assertTrue(driver.getTitle().contains("Bundles"), "title: " + driver.getTitle());

        // The bundle list, rendered by the console's script from its data.
        WebElement monitorBundle = wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
                "//table[@id='plugin_table']//tr[.//span[@class='symName' and normalize-space()='io.weft.monitor']]")));
        assertTrue(monitorBundle.getText().contains("Active"), "io.weft.monitor row: " + monitorBundle.getText());
        assertTrue(driver.findElements(By.cssSelector("#plugin_table span.symName")).size() > 25,
                "bundles listed: " + driver.findElements(By.cssSelector("#plugin_table span.symName")).size());

        // Menu "Weft" opens on hover, then its entry "Monitor" is clicked; no credentials in that link.
        WebElement weft = driver.findElement(By.xpath("//ul[@id='navmenu']/li/a[normalize-space()='Weft']"));
        new Actions(driver).moveToElement(weft).perform();
        WebElement monitorEntry = wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
                "//ul[@id='navmenu']/li[a[normalize-space()='Weft']]//a[normalize-space()='Monitor']")));
        assertEquals(base + "/system/console/weft-monitor", monitorEntry.getDomProperty("href"));
        monitorEntry.click();
        wait.until(ExpectedConditions.urlToBe(base + "/system/console/weft-monitor"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("weft-monitor-history")));
        assertEquals(200, chromium.navigationStatus(), "monitor page after login");
        assertTrue(driver.getTitle().endsWith("Monitor"), "title: " + driver.getTitle());

        // The monitor page inside the console: three blocks.
        WebElement snapshot = driver.findElement(By.id("weft-monitor-snapshot"));
        WebElement active = driver.findElement(By.id("weft-monitor-active"));
        WebElement history = driver.findElement(By.id("weft-monitor-history"));
        assertTrue(snapshot.isDisplayed() && active.isDisplayed() && history.isDisplayed(), "monitor blocks hidden");
        assertEquals(1, driver.findElements(By.cssSelector("#content #weft-monitor-snapshot table")).size(),
                "snapshot table inside the console's content area");

        // Figures beside each rule and its threshold (the defaults of features/node.json).
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (WebElement row : snapshot.findElements(By.cssSelector("tbody tr[data-rule]"))) {
            rows.put(row.getDomAttribute("data-rule"),
                    row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList());
        }
        assertEquals(List.of("cpu_usage", "mem_usage", "disk_usage", "load5"), List.copyOf(rows.keySet()), "rows: " + rows);
        assertRow(rows.get("cpu_usage"), "Host CPU", PERCENT, "> 80.0 %");
        assertRow(rows.get("mem_usage"), "Host memory", PERCENT, "> 80.0 %");
        assertRow(rows.get("disk_usage"), "Disk (home)", PERCENT, "> 80.0 %");
        assertRow(rows.get("load5"), "Load average (5 min)", DECIMAL, "> 3.00");
        String snapshotText = snapshot.getText();
        for (String label : List.of("Heap used / max", "Resident memory (RSS)", "Open file descriptors")) {
            assertTrue(snapshotText.contains(label), label + " missing: " + snapshotText);
        }
        assertTrue(Pattern.compile("Measured at \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ").matcher(snapshotText).find(),
                snapshotText);

        // Alerts: either none firing, or a table of the firing ones (each rule also says FIRING above).
        String activeText = active.getText();
        List<String> firing = rows.entrySet().stream().filter(e -> e.getValue().get(4).equals("FIRING"))
                .map(Map.Entry::getKey).toList();
        if (firing.isEmpty()) {
            assertTrue(activeText.contains("No alerts firing"), "active alerts: " + activeText);
        } else {
            assertFalse(active.findElements(By.cssSelector("table tbody tr")).isEmpty(), "active alerts: " + activeText);
            firing.forEach(rule -> assertTrue(activeText.contains(rule), rule + " firing but not listed: " + activeText));
        }
        String historyText = history.getText();
        assertTrue(historyText.contains("Recent alert transitions"), historyText);
        assertTrue(historyText.contains("No alert transitions yet")
                || !history.findElements(By.cssSelector("table tbody tr")).isEmpty(), historyText);

        Path png = chromium.screenshot("monitor-page.png");
        assertTrue(Files.size(png) > 10_000, "screenshot " + png + " is only " + Files.size(png) + " bytes");
    }

    private static void assertNoConsole(ChromeDriver driver, String how) {
        assertTrue(driver.findElements(By.id("navmenu")).isEmpty(), "console navigation shown " + how);
        assertTrue(driver.findElements(By.id("plugin_table")).isEmpty(), "bundle list shown " + how);
        String text = driver.findElement(By.tagName("body")).getText();
        assertFalse(text.contains("io.weft") || text.contains("Web Console"), "console content shown " + how + ": " + text);
    }

    private static void assertRow(List<String> cells, String label, Pattern value, String threshold) {
        assertEquals(5, cells.size(), "cells: " + cells);
        assertEquals(label, cells.get(0), "cells: " + cells);
        assertTrue(value.matcher(cells.get(1)).matches(), label + " shows no figure: " + cells);
        assertEquals(threshold, cells.get(3), "cells: " + cells);
        assertTrue(cells.get(4).equals("ok") || cells.get(4).equals("FIRING"), "state: " + cells);
    }

}
