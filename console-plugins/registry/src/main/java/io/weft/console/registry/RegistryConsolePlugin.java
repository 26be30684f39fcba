package io.weft.console.registry;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.weft.api.auth.Origins;
import io.weft.api.store.Database;
import io.weft.api.store.MigrationException;
import io.weft.console.registry.feed.FeedClient;
import io.weft.console.registry.feed.FeedPoller;
import io.weft.console.registry.feed.HostPorts;
import io.weft.console.registry.feed.HttpCalls;
import io.weft.console.registry.feed.ProviderAddress;
import io.weft.console.registry.feed.Service;
import io.weft.console.registry.governance.Governance;
import io.weft.console.registry.governance.GovernanceException;
import io.weft.console.registry.governance.MetaLogin;
import io.weft.console.registry.governance.MetaPersistentData;
import io.weft.console.registry.governance.ProviderRule;
import io.weft.console.registry.governance.ServiceConfigStore;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The Web Console page "Registry" (category Weft) at {@code /system/console/weft-registry} (CON-4, CON-5): the
 * services every session's feed names (REG-91), their publishers and subscribers, and provider governance.
 *
 * <p>Owns a {@link FeedPoller} (one thread), replaced on a new configuration
 * and closed on deactivation. A POST changes one provider's rule and redirects back to the service (303); one
 * whose {@code Origin} or {@code Referer} names another host is refused, since the browser sends the console's
 * credentials with any form. Viewers never reach {@link #doPost}: the console's permission layer refuses
 * their POSTs first.
 */
@Component(service = Servlet.class, configurationPid = RegistryConsolePlugin.PID,
        property = {
            "felix.webconsole.label=" + RegistryConsolePlugin.LABEL,
            "felix.webconsole.title=Registry",
            "felix.webconsole.category=Weft"
        })
@Designate(ocd = RegistryConsoleConfig.class)
public final class RegistryConsolePlugin extends HttpServlet {

    static final String PID = "io.weft.console.registry";
    static final String LABEL = "weft-registry";
    /** Where the HTTP service's authentication (the console's login) puts the user it let in. */
    static final String REMOTE_USER = "org.osgi.service.http.authentication.remote.user";

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(RegistryConsolePlugin.class);

    private final transient ServiceConfigStore store;
    private transient volatile Running running;

    /** What one configuration runs; replaced whole on a change. */
    private record Running(FeedPoller poller, Governance governance) {
        void close() {
            poller.close();
        }
    }

    @Activate
    public RegistryConsolePlugin(RegistryConsoleConfig config,
            @Reference(name = "database", target = "(weft.database=weft)") Database database) throws MigrationException {
        this.store = ServiceConfigStore.open(database, Clock.systemUTC());
        this.running = start(config);
    }

    @Modified
    void modified(RegistryConsoleConfig config) {
        Running old = running;
        running = start(config);
        old.close();
    }

    @Deactivate
    void deactivate() {
        running.close();
    }

    private Running start(RegistryConsoleConfig config) {
        // First: a malformed login refuses the configuration before any thread starts.
        MetaLogin login = MetaLogin.of(config.metaUser(), config.metaPassword());
        Duration timeout = Duration.ofMillis(config.requestTimeoutMillis());
        HttpCalls http = new HttpCalls(timeout);
        var metas = HostPorts.list(config.metaServers(), 9615);
        FeedPoller poller = new FeedPoller(new FeedClient(http, config.maxSnapshotBytes()),
                new FeedPoller.Settings(HostPorts.list(config.sessionServers(), config.feedPort()), metas,
                        config.feedPort(), config.pollMillis(), config.requestTimeoutMillis()), Clock.systemUTC());
        poller.start();
        LOG.info("Registry page: session feeds {}, meta servers {} ({}), read when the page asks, at most every {} ms",
                config.sessionServers().isBlank() ? "from the meta servers" : config.sessionServers(), metas, login,
                config.pollMillis());
        return new Running(poller, new Governance(store, new MetaPersistentData(http, metas, login),
                Clock.systemUTC()));
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // Inside the console the response is already started as HTML; set it only when called on our own.
        if (response.getContentType() == null) {
            response.setContentType("text/html;charset=UTF-8");
        }
        Running r = running;
        try {
            new RegistryPage(request.getRequestURI()).render(r.poller().view(), r.governance()::rules,
                    request::getParameter, response.getWriter());
        } catch (RuntimeException e) {
            LOG.error("Registry console page failed", e);
            response.getWriter().write("<p id=\"page-error\" class=\"error\">The registry page failed: "
                    + Html.escape(String.valueOf(e.getMessage())) + "</p>\n");
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String id = request.getParameter("service");
        if (!Origins.sameOrigin(request.getHeader("Host"), request.getHeader("Origin"), request.getHeader("Referer"))) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "Form posted from another site");
            return;
        }
        String message;
        try {
            message = apply(running, id, request.getParameter("address"), request.getParameter("action"),
                    request.getParameter("weight"), operator(request));
        } catch (GovernanceException | IllegalArgumentException e) {
            message = "Not changed: " + e.getMessage();
        }
        response.setHeader("Cache-Control", "no-store");
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", request.getRequestURI() + "?service=" + Html.url(id) + "&msg="
                + Html.url(message));
    }

    /** Applies one form: the provider must be one the feed shows for the service now. */
    private static String apply(Running r, String id, String address, String action, String weightText,
            String operator) throws GovernanceException {
        Service service = r.poller().view().service(id == null ? "" : id)
                .orElseThrow(() -> new IllegalArgumentException("no session holds service " + id + " now"));
        ProviderAddress provider = service.publishers().stream().flatMap(p -> p.data().stream())
                .map(ProviderAddress::of).flatMap(Optional::stream).filter(a -> a.hostPort().equals(address))
                .findFirst().orElseThrow(() -> new IllegalArgumentException(address + " publishes no " + id));
        ProviderRule current = r.governance().rules(service.instanceId(), service.dataId()).stream()
                .filter(rule -> rule.hostPort().equals(provider.hostPort())).findFirst()
                .orElse(new ProviderRule(service.instanceId(), service.dataId(), provider.host(), provider.port(),
                        false, null));
        ProviderRule next = switch (action == null ? "" : action) {
            case "disable" -> withState(current, true, current.weight());
            case "enable" -> withState(current, false, current.weight());
            case "weight" -> withState(current, current.disabled(), weight(weightText));
            default -> throw new IllegalArgumentException("unknown action '" + action + "'");
        };
        String datum = r.governance().apply(next, service.appName(), operator);
        return provider.hostPort() + (next.disabled() ? " disabled" : " enabled")
                + (next.weight() == null ? "" : ", weight " + next.weight()) + "; override "
                + (datum == null ? "removed" : datum);
    }

    private static ProviderRule withState(ProviderRule r, boolean disabled, Integer weight) {
        return new ProviderRule(r.instanceId(), r.dataId(), r.host(), r.port(), disabled, weight);
    }

    /** A blank weight clears the one set; otherwise a whole number of 0 or more. */
    private static Integer weight(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            int w = Integer.parseInt(text.strip());
            if (w < 0) {
                throw new NumberFormatException();
            }
            return w;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("weight must be a whole number of 0 or more, not '" + text + "'");
        }
    }

    /** Who changed it: the console user the login let in. */
    private static String operator(HttpServletRequest request) {
        Object user = request.getAttribute(REMOTE_USER);
        if (user != null && !user.toString().isBlank()) {
            return user.toString();
        }
        String remote = request.getRemoteUser();
        return remote == null || remote.isBlank() ? "unknown" : remote;
    }
}
