package io.weft.console.drm;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Just enough of a servlet request and response for the plugin's tests, as dynamic proxies. */
final class FakeHttp {

    static final String PAGE = "/system/console/weft-drm";

    final Map<String, String> params = new HashMap<>();
    final Map<String, String> headers = new HashMap<>();
    final Map<String, Object> attributes = new HashMap<>();
    String remoteUser;
    String characterEncoding;

    int status = 200;
    String contentType;
    final Map<String, String> responseHeaders = new HashMap<>();
    final StringWriter body = new StringWriter();
    private final PrintWriter writer = new PrintWriter(body);

    FakeHttp param(String name, String value) {
        params.put(name, value);
        return this;
    }

    FakeHttp header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    String body() {
        writer.flush();
        return body.toString();
    }

    HttpServletRequest request() {
        return (HttpServletRequest) Proxy.newProxyInstance(FakeHttp.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getParameter" -> params.get((String) args[0]);
                    case "getHeader" -> headers.get((String) args[0]);
                    case "getAttribute" -> attributes.get((String) args[0]);
                    case "getRemoteUser" -> remoteUser;
                    case "getRequestURI" -> PAGE;
                    case "getCharacterEncoding" -> characterEncoding;
                    case "setCharacterEncoding" -> {
                        characterEncoding = (String) args[0];
                        yield null;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    HttpServletResponse response() {
        return (HttpServletResponse) Proxy.newProxyInstance(FakeHttp.class.getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "setStatus" -> {
                        status = (Integer) args[0];
                        yield null;
                    }
                    case "setContentType" -> {
                        contentType = (String) args[0];
                        yield null;
                    }
                    case "getContentType" -> contentType;
                    case "setHeader" -> {
                        responseHeaders.put((String) args[0], (String) args[1]);
                        yield null;
                    }
                    case "getWriter" -> writer;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
