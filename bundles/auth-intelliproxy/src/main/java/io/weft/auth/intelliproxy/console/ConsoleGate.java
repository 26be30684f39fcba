package io.weft.auth.intelliproxy.console;

import io.weft.api.auth.Origins;

import io.weft.auth.intelliproxy.access.ConsolePermissions;
import io.weft.auth.intelliproxy.access.Principal;
import io.weft.auth.intelliproxy.login.LoginResult;
import io.weft.auth.intelliproxy.login.LoginService;
import io.weft.auth.intelliproxy.session.Session;

/**
 * Decides what happens to a Web Console request, free of servlet and Web Console types so it is tested
 * as a plain class; {@link ConsoleSecurityProvider} turns the {@link Outcome} into a response.
 *
 * <p>Browsers log in with the form at {@code <root>/login} and then carry a session cookie (HttpOnly,
 * SameSite=Strict, idle timeout). Scripts keep using HTTP Basic ({@code curl -u}), checked on each
 * request without a session. A request with neither is sent to the login form when it asks for HTML,
 * else answered 401 with a Basic challenge. Once the user is known, its roles must grant the
 * permission {@link ConsolePermissions} names for the page and method, else 403. Thread-safe.
 */
public final class ConsoleGate {

    static final String LOGIN_LABEL = "login";

    /** A console request as the gate sees it. */
    public record Request(String method, String requestUri, String authorization, String sessionCookie,
            String remoteAddress, boolean acceptsHtml, boolean sameOrigin) {
    }

    /** What to do with a request. */
    public sealed interface Outcome {
        /** Serve it as {@code principal}. */
        record Allowed(Principal principal) implements Outcome {
        }

        /** 401 with a Basic challenge. */
        record Challenge(String reason) implements Outcome {
        }

        /** 302 to the login form. */
        record RedirectToLogin(String location) implements Outcome {
        }

        /** 403: the user lacks {@code permission}. */
        record Forbidden(String user, String permission) implements Outcome {
        }

        /** Show the login form with this status and message ({@code null}: none). */
        record LoginForm(int status, String message) implements Outcome {
        }

        /** 403: a state-changing request sent from another site's page (see {@code Origins}). */
        record CrossSite() implements Outcome {
        }

        /** The login form was posted: the provider reads user and password and calls {@link ConsoleGate#login}. */
        record LoginSubmitted() implements Outcome {
        }

        /** Logged in: set the session cookie and send the browser to {@code location}. */
        record LoggedIn(Session session, String location) implements Outcome {
        }
    }

    private final LoginService logins;
    private volatile String root;

    public ConsoleGate(LoginService logins, String root) {
        this.logins = logins;
        setRoot(root);
    }

    public void setRoot(String root) {
        String r = root == null || root.isBlank() ? "/system/console" : root.strip();
        this.root = r.endsWith("/") ? r.substring(0, r.length() - 1) : r;
    }

    public String root() {
        return root;
    }

    public Outcome handle(Request request) {
        // Browsers send stored Basic credentials with any site's form: a change must come from the console.
        if (!request.sameOrigin() && Origins.changesState(request.method())) {
            return new Outcome.CrossSite();
        }
        String label = ConsolePermissions.label(request.requestUri(), root);
        if (label.equals(LOGIN_LABEL)) {
            return request.method().equalsIgnoreCase("POST")
                    ? new Outcome.LoginSubmitted()
                    : new Outcome.LoginForm(200, null);
        }
        LoginResult result = LoginResult.INVALID;
        if (request.sessionCookie() != null && !request.sessionCookie().isEmpty()) {
            result = logins.session(request.sessionCookie());
        }
        if (!result.ok() && request.authorization() != null) {
            result = logins.authenticate(request.authorization(), request.remoteAddress());
        }
        if (result.status() == LoginResult.Status.THROTTLED) {
            return new Outcome.Challenge("too many failed logins; try again later");
        }
        if (!result.ok()) {
            if (request.acceptsHtml() && request.authorization() == null) {
                return new Outcome.RedirectToLogin(root + "/" + LOGIN_LABEL);
            }
            return new Outcome.Challenge(request.authorization() == null ? "login required" : "invalid credentials");
        }
        Principal principal = result.principal();
        String permission = ConsolePermissions.required(request.method(), label);
        if (permission == null || principal.has(permission)) {
            return new Outcome.Allowed(principal);
        }
        return new Outcome.Forbidden(principal.name(), permission);
    }

    /** Checks the posted login form; wipes {@code password}. */
    public Outcome login(String user, char[] password, String remoteAddress) {
        LoginResult result = logins.login(user == null ? "" : user.strip(), password, remoteAddress);
        return switch (result.status()) {
            case OK -> new Outcome.LoggedIn(logins.startSession(result.principal()), root + "/");
            case THROTTLED -> new Outcome.LoginForm(429, "Too many failed logins. Try again later.");
            case INVALID -> new Outcome.LoginForm(401, "Wrong user name or password.");
        };
    }

    public void logout(String sessionCookie) {
        logins.endSession(sessionCookie);
    }
}
