package io.weft.console.monitor;

import java.io.IOException;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.weft.api.monitor.NodeMonitor;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The Web Console page "Monitor" (category Weft) at {@code /system/console/weft-monitor}.
 *
 * <p>A plain servlet service, not registered with the HTTP Whiteboard: Web Console 5 picks up servlets
 * with a {@code felix.webconsole.label}, serves them behind its login and writes its own header,
 * navigation and footer around what {@link #doGet} writes. So this bundle needs no Web Console classes.
 */
@Component(
        service = Servlet.class,
        property = {
            "felix.webconsole.label=weft-monitor",
            "felix.webconsole.title=Monitor",
            "felix.webconsole.category=Weft"
        })
public final class MonitorConsolePlugin extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient NodeMonitor monitor;
    private final transient MonitorPage page = new MonitorPage();

    @Activate
    public MonitorConsolePlugin(@Reference NodeMonitor monitor) {
        this.monitor = monitor;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // Inside the console the response is already started as HTML; set it only when called on our own.
        if (response.getContentType() == null) {
            response.setContentType("text/html;charset=UTF-8");
        }
        page.render(monitor, response.getWriter());
    }
}
