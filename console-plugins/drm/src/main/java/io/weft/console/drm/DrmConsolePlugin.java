package io.weft.console.drm;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicReference;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.weft.api.auth.Origins;
import io.weft.api.drm.DrmAdmin;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The Web Console page "DRM" (category Weft) at {@code /system/console/weft-drm} (CON-8): attributes per
 * instance, push with who and when, gray release, roll back, subscribers and drmdata nodes.
 *
 * <p>It talks only to {@link DrmAdmin}, which the drm role provides. The reference is optional and
 * dynamic: a console node without that role still shows the page, saying so, and the page works as soon
 * as the role's bundle starts, without restarting this one.
 *
 * <p>A GET is wrapped by the console in its layout; a POST is handed over as is and answered with a
 * document of its own. A POST whose {@code Origin} or {@code Referer} names another host is refused: the
 * browser sends the console's credentials with any form, including one on another site. Viewers never
 * reach {@link #doPost}: the console's permission layer (intelliproxy) refuses their POSTs first.
 */
@Component(
        service = Servlet.class,
        property = {
            "felix.webconsole.label=" + DrmConsolePlugin.LABEL,
            "felix.webconsole.title=DRM",
            "felix.webconsole.category=Weft"
        })
public final class DrmConsolePlugin extends HttpServlet {

    static final String LABEL = "weft-drm";

    /** Where the HTTP service's authentication (the console's login) puts the user it let in. */
    static final String REMOTE_USER = "org.osgi.service.http.authentication.remote.user";

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(DrmConsolePlugin.class);

    private final transient AtomicReference<DrmAdmin> admin = new AtomicReference<>();
    private final transient Actions actions = new Actions();

    @Reference(name = "admin", cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindAdmin(DrmAdmin service) {
        admin.set(service);
    }

    void unbindAdmin(DrmAdmin service) {
        // A greedy rebind calls bind for the new service before unbind for the old: keep the new one.
        admin.compareAndSet(service, null);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // Inside the console the response is already started as HTML; set it only when called on our own.
        if (response.getContentType() == null) {
            response.setContentType("text/html;charset=UTF-8");
        }
        Links links = new Links(request.getRequestURI());
        try {
            new DrmPage(links).render(admin.get(), PageQuery.from(request::getParameter), response.getWriter());
        } catch (RuntimeException e) {
            LOG.error("DRM console page failed", e);
            response.getWriter().write("<p id=\"page-error\" class=\"error\">The DRM page failed: "
                    + Html.escape(String.valueOf(e.getMessage())) + "</p>\n");
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getCharacterEncoding() == null) {
            request.setCharacterEncoding("UTF-8"); // the forms are sent as UTF-8 (accept-charset)
        }
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        Outcome outcome = outcome(request);
        response.setStatus(outcome.status());
        new OutcomeView(new Links(request.getRequestURI())).render(outcome, response.getWriter());
    }

    private Outcome outcome(HttpServletRequest request) {
        String instance = PageQuery.trim(request.getParameter("instance"));
        String key = PageQuery.trim(request.getParameter("key"));
        if (!sameOrigin(request)) {
            return Outcome.refused(HttpServletResponse.SC_FORBIDDEN, "Form posted from another site", instance, key);
        }
        DrmAdmin current = admin.get();
        if (current == null) {
            return Outcome.refused(HttpServletResponse.SC_SERVICE_UNAVAILABLE, DrmPage.UNAVAILABLE, instance, key);
        }
        try {
            return actions.handle(current, request::getParameter, operator(request));
        } catch (RuntimeException e) {
            LOG.error("DRM console action failed", e);
            return Outcome.refused(HttpServletResponse.SC_INTERNAL_SERVER_ERROR,
                    "DRM administration failed: " + e.getMessage(), instance, key);
        }
    }

    /** The same-origin rule (no Origin nor Referer, as from curl, passes: the console's login still applies). */
    static boolean sameOrigin(HttpServletRequest request) {
        return Origins.sameOrigin(request.getHeader("Host"), request.getHeader("Origin"), request.getHeader("Referer"));
    }

    /** Who is pushing: the console user the login let in, as the history records it. */
    static String operator(HttpServletRequest request) {
        Object user = request.getAttribute(REMOTE_USER);
        if (user != null && !user.toString().isBlank()) {
            return user.toString();
        }
        String remote = request.getRemoteUser();
        return remote == null || remote.isBlank() ? "unknown" : remote;
    }
}
