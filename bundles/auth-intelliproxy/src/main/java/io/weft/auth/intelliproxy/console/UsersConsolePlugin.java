package io.weft.auth.intelliproxy.console;

import java.io.IOException;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.weft.auth.intelliproxy.IntelliproxyService;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The Web Console page "Users" (category Weft) at {@code /system/console/weft-users}. Opening it needs
 * {@code console.read}, posting its forms {@code console.users.write}: {@link ConsoleSecurityProvider}
 * checks both before the console calls this servlet.
 */
@Component(
        service = Servlet.class,
        property = {
            "felix.webconsole.label=weft-users",
            "felix.webconsole.title=Users",
            "felix.webconsole.category=Weft"
        })
public final class UsersConsolePlugin extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient UsersPage page;

    @Activate
    public UsersConsolePlugin(@Reference(name = "intelliproxy") IntelliproxyService intelliproxy) {
        this.page = new UsersPage(intelliproxy.users());
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (response.getContentType() == null) {
            response.setContentType("text/html;charset=UTF-8");
        }
        response.getWriter().write(page.render());
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(page.apply(request.getParameterMap(), request.getRequestURI()));
    }
}
