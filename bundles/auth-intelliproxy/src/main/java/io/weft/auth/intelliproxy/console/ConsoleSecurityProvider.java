package io.weft.auth.intelliproxy.console;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.apache.felix.webconsole.spi.SecurityProvider;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.weft.api.auth.AccessGuard;
import io.weft.api.auth.Origins;
import io.weft.auth.intelliproxy.IntelliproxyService;
import io.weft.auth.intelliproxy.access.Principal;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The Web Console's login, by intelliproxy users.
 *
 * <p>Web Console 5 asks the highest-ranked {@link SecurityProvider} service for every request
 * (including its static resources) and serves the request only if {@code authenticate} returns a user;
 * its built-in provider (the single {@code username}/{@code password} of its configuration) is
 * registered at the lowest ranking, so this one replaces it while registered and it is back as soon as
 * this one goes (intelliproxy disabled, bundle stopped, database missing): nobody is locked out. The
 * console does not check plugin permissions itself, so the page permission is decided here, in
 * {@code authenticate}, and a refused request gets its response (login form, 401, 403) from here.
 */
@Component(service = SecurityProvider.class, property = SecurityProvider.PROPERTY_ID + "=intelliproxy")
public final class ConsoleSecurityProvider implements SecurityProvider {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleSecurityProvider.class);

    private final ConsoleGate gate;

    @Activate
    public ConsoleSecurityProvider(@Reference(name = "intelliproxy", target = "(!(enabled=false))") IntelliproxyService intelliproxy) {
        this.gate = intelliproxy.consoleGate();
    }

    @Override
    public Object authenticate(HttpServletRequest request, HttpServletResponse response) {
        try {
            ConsoleGate.Outcome outcome = gate.handle(new ConsoleGate.Request(request.getMethod(),
                    request.getRequestURI(), request.getHeader("Authorization"), sessionCookie(request),
                    request.getRemoteAddr(), acceptsHtml(request),
                    Origins.sameOrigin(request.getHeader("Host"), request.getHeader("Origin"), request.getHeader("Referer"))));
            if (outcome instanceof ConsoleGate.Outcome.LoginSubmitted) {
                String password = request.getParameter("password");
                outcome = gate.login(request.getParameter("username"),
                        password == null ? new char[0] : password.toCharArray(), request.getRemoteAddr());
            }
            return respond(outcome, request, response);
        } catch (IOException e) {
            LOG.warn("Could not answer a console request: {}", e.toString());
            return null;
        }
    }

    /** Lets plugins ask {@code User.authorize("console.users.write")}: the role is a permission name. */
    @Override
    public boolean authorize(Object user, String role) {
        return user instanceof Principal p && p.has(role);
    }

    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response) {
        gate.logout(sessionCookie(request));
        response.addHeader("Set-Cookie", AccessGuard.SESSION_COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict"
                + (request.isSecure() ? "; Secure" : ""));
    }

    private Object respond(ConsoleGate.Outcome outcome, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (outcome instanceof ConsoleGate.Outcome.Allowed a) {
            request.setAttribute("org.osgi.service.http.authentication.remote.user", a.principal().name());
            return a.principal();
        }
        response.setHeader("Cache-Control", "no-store");
        if (outcome instanceof ConsoleGate.Outcome.LoggedIn l) {
            response.addHeader("Set-Cookie", AccessGuard.SESSION_COOKIE + "=" + l.session().token()
                    + "; Path=/; HttpOnly; SameSite=Strict" + (request.isSecure() ? "; Secure" : ""));
            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            response.setHeader("Location", l.location());
            LOG.info("User {} logged into the console from {}", l.session().user(), request.getRemoteAddr());
        } else if (outcome instanceof ConsoleGate.Outcome.RedirectToLogin r) {
            response.setStatus(HttpServletResponse.SC_FOUND);
            response.setHeader("Location", r.location());
        } else if (outcome instanceof ConsoleGate.Outcome.LoginForm f) {
            write(response, f.status(), "text/html;charset=UTF-8",
                    LoginPage.render(gate.root() + "/" + ConsoleGate.LOGIN_LABEL, f.message()));
        } else if (outcome instanceof ConsoleGate.Outcome.Challenge c) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"Weft\", charset=\"UTF-8\"");
            write(response, HttpServletResponse.SC_UNAUTHORIZED, "text/plain;charset=UTF-8", c.reason() + "\n");
        } else if (outcome instanceof ConsoleGate.Outcome.CrossSite) {
            LOG.warn("Refused a {} to {} sent from another site ({}) from {}", request.getMethod(), request.getRequestURI(),
                    request.getHeader("Origin") != null ? request.getHeader("Origin") : request.getHeader("Referer"),
                    request.getRemoteAddr());
            write(response, HttpServletResponse.SC_FORBIDDEN, "text/plain;charset=UTF-8",
                    "Refused: a change to the console must be sent from the console's own pages\n");
        } else if (outcome instanceof ConsoleGate.Outcome.Forbidden f) {
            write(response, HttpServletResponse.SC_FORBIDDEN, "text/plain;charset=UTF-8",
                    "User " + f.user() + " lacks permission " + f.permission() + "\n");
        }
        // The console serves nothing after a null user; the response must be complete here.
        response.flushBuffer();
        return null;
    }

    private static void write(HttpServletResponse response, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType(type);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    private static String sessionCookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie c : cookies) {
                if (AccessGuard.SESSION_COOKIE.equals(c.getName())) {
                    return c.getValue();
                }
            }
        }
        return null;
    }

    private static boolean acceptsHtml(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains("text/html");
    }
}
