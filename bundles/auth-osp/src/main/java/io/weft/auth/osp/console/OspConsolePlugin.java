package io.weft.auth.osp.console;

import io.weft.api.auth.Origins;

import java.io.IOException;
import java.net.URI;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.weft.auth.osp.admin.OspAdmin;
import io.weft.auth.osp.store.StoreException;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The Web Console page "OSP" (category Weft) at {@code /system/console/weft-osp}: tenants, instances and
 * AccessKeys, and forms to create them. Behind the console's login like every console page.
 *
 * <p>A GET is wrapped by the console in its layout; a POST is handed to this servlet as is, so it answers
 * with a document of its own showing the outcome (and a new SecretKey, once). A POST whose
 * {@code Origin} or {@code Referer} names another host is refused: the browser sends the console's
 * credentials with any form, including one on another site.
 */
@Component(
        service = Servlet.class,
        property = {
            "felix.webconsole.label=" + OspConsolePlugin.LABEL,
            "felix.webconsole.title=OSP",
            "felix.webconsole.category=Weft"
        })
public final class OspConsolePlugin extends HttpServlet {

    static final String LABEL = "weft-osp";

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(OspConsolePlugin.class);

    private final transient OspAdmin admin;
    private final transient OspPage page = new OspPage();

    @Activate
    public OspConsolePlugin(@Reference(name = "admin") OspAdmin admin) {
        this.admin = admin;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // Inside the console the response is already started as HTML; set it only when called on our own.
        if (response.getContentType() == null) {
            response.setContentType("text/html;charset=UTF-8");
        }
        page.render(admin, response.getWriter());
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/html;charset=UTF-8");
        // A page showing a SecretKey must not be kept by the browser or a proxy.
        response.setHeader("Cache-Control", "no-store");
        OspPage.Result result;
        if (!sameOrigin(request)) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            result = new OspPage.Result(false, "Form posted from another site", null);
        } else {
            try {
                result = page.handle(admin, request::getParameter);
            } catch (StoreException e) {
                LOG.error("OSP console action failed", e);
                result = new OspPage.Result(false, "The database failed; nothing was changed: " + e.getMessage(), null);
            }
            response.setStatus(result.ok() ? HttpServletResponse.SC_OK : HttpServletResponse.SC_BAD_REQUEST);
        }
        page.renderResult(result, request.getRequestURI(), response.getWriter());
    }

    /** The same-origin rule (no Origin nor Referer, as from curl, passes: the console's login still applies). */
    static boolean sameOrigin(HttpServletRequest request) {
        return Origins.sameOrigin(request.getHeader("Host"), request.getHeader("Origin"), request.getHeader("Referer"));
    }
}
