package io.weft.itest.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.weft.api.osp.RequestSigning;
import io.weft.itest.support.HeadlessChromium;
import io.weft.itest.support.WeftNode;

/**
 * Weft → OSP in a real headless Chromium, as an operator uses it: log in on the login form, open the OSP
 * page from the console's menu, fill its forms (the browser's own POST with its Origin header, which the
 * page checks), copy the SecretKey from the one answer that shows it, and find the key listed without it.
 */
class OspPageBrowserTest {

    private static final String SQL_NAME = "x'; DROP TABLE osp_tenant; --";

    @Test
    @DisplayName("CON-20, CON-21, CON-22, CON-23: in Chromium an operator logs in, creates tenant acme, instance shop and "
            + "an AccessKey on Weft → OSP, sees the SecretKey once, and a SQL-looking tenant name is refused and shown escaped")
    void operatorUsesOspPageInBrowser() throws Exception {
        try (WeftNode node = WeftNode.create("osp-browser").start()) {
            ConsoleUsersAndOspTest.ready(node);
            String base = node.http().base();
            try (HeadlessChromium chromium = HeadlessChromium.start()) {
                ChromeDriver driver = chromium.driver();
                WebDriverWait wait = chromium.waiting();
                try {
                    // Not logged in: the login form; then the administrator logs in.
                    driver.get(base + "/system/console/weft-osp");
                    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("weft-login")));
                    chromium.logIn("admin", WeftNode.ADMIN_PASSWORD);
                    wait.until(d -> d.findElements(By.id("weft-login")).isEmpty());

                    // The OSP page from the menu Weft → OSP.
                    driver.get(base + "/system/console/bundles");
                    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("navmenu")));
                    WebElement weft = driver.findElement(By.xpath("//ul[@id='navmenu']/li/a[normalize-space()='Weft']"));
                    new org.openqa.selenium.interactions.Actions(driver).moveToElement(weft).perform();
                    WebElement ospEntry = wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
                            "//ul[@id='navmenu']/li[a[normalize-space()='Weft']]//a[normalize-space()='OSP']")));
                    assertEquals(base + "/system/console/weft-osp", ospEntry.getDomProperty("href"));
                    ospEntry.click();
                    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("weft-osp-forms")));
                    assertEquals(200, chromium.navigationStatus());
                    assertTrue(driver.getTitle().endsWith("OSP"), "title: " + driver.getTitle());
                    assertEquals(1, driver.findElements(By.cssSelector("#content #weft-osp-tenants")).size(),
                            "the page inside the console's layout");

                    // Create tenant, instance and key with the page's forms.
                    String message = submit(driver, wait, "tenant-create", Map.of("tenant", "acme"));
                    assertEquals("Created tenant acme", message);
                    backToOsp(driver, wait);
                    message = submit(driver, wait, "instance-create", Map.of("tenant", "acme", "instanceId", "shop",
                            "workspace", "prod", "products", "DRM SOFAREGISTRY"));
                    assertEquals("Created instance shop (tenant acme, workspace prod, products DRM,SOFAREGISTRY)", message);
                    backToOsp(driver, wait);
                    message = submit(driver, wait, "key-create", Map.of("instanceId", "shop",
                            "permissions", "antcloud.deps.cell.list"));
                    assertTrue(message.startsWith("Created AccessKey AK"), message);
                    WebElement secretBlock = driver.findElement(By.id("weft-osp-secret"));
                    String accessKey = secretBlock.findElement(By.xpath(".//tr[th='AccessKey']/td")).getText();
                    String secretKey = secretBlock.findElement(By.xpath(".//tr[th='SecretKey']/td")).getText();
                    assertTrue(accessKey.matches("AK[A-Z0-9]{18}"), accessKey);
                    assertTrue(secretKey.matches("[A-Za-z0-9]{30}"), "SecretKey as shown: " + secretKey.length());
                    assertTrue(secretBlock.getText().contains("shown only now"), secretBlock.getText());
                    Path shot = chromium.screenshot("osp-key-created.png");
                    assertTrue(Files.size(shot) > 5_000, shot.toString());
                    // What the operator copied signs as the docs say (the same computation as the servers').
                    String signature = RequestSigning.sign(secretKey, RequestSigning.stringToSign("shop", 1583403600000L, ""));
                    assertEquals(44, signature.length(), "Base64 of 32 bytes: " + signature);

                    // Back on the page: the key is listed, its secret is not.
                    backToOsp(driver, wait);
                    WebElement row = driver.findElement(By.cssSelector("#weft-osp-keys tr[data-access-key='" + accessKey + "']"));
                    assertTrue(row.getText().contains("shop") && row.getText().contains("active")
                            && row.getText().contains("antcloud.deps.cell.list"), row.getText());
                    assertFalse(driver.getPageSource().contains(secretKey), "SecretKey on the listing");
                    assertEquals("acme", driver.findElement(By.cssSelector("#weft-osp-tenants tr[data-tenant='acme'] td")).getText());
                    assertTrue(driver.findElement(By.cssSelector("#weft-osp-instances tr[data-instance='shop']")).getText()
                            .contains("DRM,SOFAREGISTRY"));

                    // A SQL-looking name: refused with the rule, shown as text (escaped), nothing written.
                    int tenants = driver.findElements(By.cssSelector("#weft-osp-tenants tbody tr")).size();
                    message = submit(driver, wait, "tenant-create", Map.of("tenant", SQL_NAME));
                    assertEquals("error", driver.findElement(By.id("weft-osp-result")).getDomAttribute("class"));
                    assertTrue(message.startsWith("Refused: Invalid tenant '" + SQL_NAME + "': use 1 to 64 letters"), message);
                    backToOsp(driver, wait);
                    assertEquals(tenants, driver.findElements(By.cssSelector("#weft-osp-tenants tbody tr")).size());
                    chromium.screenshot("osp-page.png");
                } catch (AssertionError | RuntimeException e) {
                    try {
                        chromium.screenshot("osp-page-failure.png");
                    } catch (RuntimeException | IOException ignored) {
                        // the assertion's own message matters more
                    }
                    throw e;
                }
            }
        }
    }

    /** Fills the form of {@code action} on the OSP page, clicks its button and returns the outcome's text. */
    private static String submit(ChromeDriver driver, WebDriverWait wait, String action, Map<String, String> fields) {
        WebElement form = driver.findElement(By.cssSelector("#weft-osp-forms form[data-action='" + action + "']"));
        for (Map.Entry<String, String> f : fields.entrySet()) {
            WebElement input = form.findElement(By.name(f.getKey()));
            input.clear();
            input.sendKeys(f.getValue());
        }
        form.findElement(By.cssSelector("button[type='submit']")).click();
        WebElement result = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#weft-osp-result > p")));
        return result.getText();
    }

    private static void backToOsp(ChromeDriver driver, WebDriverWait wait) {
        driver.findElement(By.linkText("Back to OSP")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("weft-osp-forms")));
    }
}
