package io.weft.auth.intelliproxy.console;

import static io.weft.auth.intelliproxy.Fixture.basic;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.weft.auth.intelliproxy.Fixture;
import io.weft.auth.intelliproxy.console.ConsoleGate.Outcome;

class ConsoleGateTest {

    private final Fixture f = new Fixture();

    private Outcome basicRequest(String method, String path, String user, String password) {
        return f.gate.handle(new ConsoleGate.Request(method, "/system/console" + path, basic(user, password), null,
                "10.0.0.1", false, true));
    }

    private Outcome cookieRequest(String method, String path, String token) {
        return f.gate.handle(new ConsoleGate.Request(method, "/system/console" + path, null, token, "10.0.0.1", true, true));
    }

    @Test
    @DisplayName("CON-23: a change sent from another site's page is refused even with an administrator's credentials; reading is not")
    void crossSiteChangeRefused() {
        Outcome post = f.gate.handle(new ConsoleGate.Request("POST", "/system/console/configMgr/io.weft.monitor",
                basic("root", Fixture.ADMIN_PASSWORD), null, "10.0.0.1", false, false));
        assertInstanceOf(Outcome.CrossSite.class, post);
        Outcome get = f.gate.handle(new ConsoleGate.Request("GET", "/system/console/bundles",
                basic("root", Fixture.ADMIN_PASSWORD), null, "10.0.0.1", false, false));
        assertInstanceOf(Outcome.Allowed.class, get);
    }

    @Test
    @DisplayName("CON-23: admin may read and change every page; viewer reads pages but changes nothing")
    void adminAndViewer() {
        assertInstanceOf(Outcome.Allowed.class, basicRequest("GET", "/configMgr", "root", Fixture.ADMIN_PASSWORD));
        assertInstanceOf(Outcome.Allowed.class, basicRequest("POST", "/configMgr/io.weft.monitor", "root",
                Fixture.ADMIN_PASSWORD));
        assertInstanceOf(Outcome.Allowed.class, basicRequest("POST", "/bundles/12", "root", Fixture.ADMIN_PASSWORD));

        assertInstanceOf(Outcome.Allowed.class, basicRequest("GET", "/configMgr", "watcher", Fixture.VIEWER_PASSWORD));
        assertInstanceOf(Outcome.Allowed.class, basicRequest("GET", "/bundles.json", "watcher", Fixture.VIEWER_PASSWORD));
        Outcome.Forbidden config = assertInstanceOf(Outcome.Forbidden.class,
                basicRequest("POST", "/configMgr/io.weft.monitor", "watcher", Fixture.VIEWER_PASSWORD));
        assertEquals("console.config.write", config.permission());
        assertInstanceOf(Outcome.Forbidden.class, basicRequest("POST", "/bundles/12", "watcher", Fixture.VIEWER_PASSWORD));
        assertInstanceOf(Outcome.Forbidden.class, basicRequest("POST", "/weft-users", "watcher", Fixture.VIEWER_PASSWORD));
    }

    @Test
    @DisplayName("CON-23: without credentials a browser is sent to the login form, a script gets a Basic challenge")
    void anonymous() {
        Outcome.RedirectToLogin r = assertInstanceOf(Outcome.RedirectToLogin.class, cookieRequest("GET", "/bundles", null));
        assertEquals("/system/console/login", r.location());
        assertInstanceOf(Outcome.Challenge.class,
                f.gate.handle(new ConsoleGate.Request("GET", "/system/console/bundles", null, null, "10.0.0.1", false, true)));
        assertInstanceOf(Outcome.Challenge.class, basicRequest("GET", "/bundles", "root", "wrong-password"));
        assertInstanceOf(Outcome.LoginForm.class, cookieRequest("GET", "/login", null));
        assertInstanceOf(Outcome.LoginSubmitted.class, cookieRequest("POST", "/login", null));
    }

    @Test
    @DisplayName("CON-23: an operator logs in with the form, browses with the session cookie until it times out")
    void formLoginSession() {
        Outcome.LoginForm wrong = assertInstanceOf(Outcome.LoginForm.class,
                f.gate.login("root", "nope-nope-nope".toCharArray(), "10.0.0.1"));
        assertEquals(401, wrong.status());

        Outcome.LoggedIn in = assertInstanceOf(Outcome.LoggedIn.class,
                f.gate.login("root", Fixture.ADMIN_PASSWORD.toCharArray(), "10.0.0.1"));
        assertEquals("/system/console/", in.location());
        String token = in.session().token();
        Outcome.Allowed ok = assertInstanceOf(Outcome.Allowed.class, cookieRequest("POST", "/configMgr/x", token));
        assertEquals("root", ok.principal().name());

        f.clock.advance(Duration.ofMinutes(31));
        assertInstanceOf(Outcome.RedirectToLogin.class, cookieRequest("GET", "/bundles", token));

        f.gate.logout(token);
    }

    @Test
    @DisplayName("CON-23: disabling a user ends its console session at once")
    void disableEndsSession() {
        f.admin.create("temp", java.util.List.of("viewer"), "temp-password".toCharArray());
        Outcome.LoggedIn in = assertInstanceOf(Outcome.LoggedIn.class,
                f.gate.login("temp", "temp-password".toCharArray(), "10.0.0.1"));
        f.admin.setEnabled("temp", false);
        assertInstanceOf(Outcome.RedirectToLogin.class, cookieRequest("GET", "/bundles", in.session().token()));
        assertInstanceOf(Outcome.LoginForm.class, f.gate.login("temp", "temp-password".toCharArray(), "10.0.0.1"));
    }

    @Test
    @DisplayName("the login page escapes its message and posts to the console's login path")
    void loginPage() {
        String html = LoginPage.render("/system/console/login", "<script>");
        assertTrue(html.contains("action=\"/system/console/login\""));
        assertTrue(html.contains("&lt;script&gt;"));
    }
}
