package io.weft.monitor.http;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.osgi.framework.BundleContext;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Just enough of the servlet and OSGi APIs to call a servlet's doGet without a container. */
final class FakeHttp {

    private FakeHttp() {
    }

    static HttpServletRequest get() {
        return proxy(HttpServletRequest.class, (name, args) -> name.equals("getMethod") ? "GET" : null);
    }

    static BundleContext context(Map<String, String> properties) {
        return proxy(BundleContext.class, (name, args) -> name.equals("getProperty") ? properties.get(args[0]) : null);
    }

    /** Records what a servlet sets and writes. */
    static final class Response {
        int status = 200;
        String contentType;
        String characterEncoding;
        final Map<String, String> headers = new HashMap<>();
        private final StringWriter chars = new StringWriter();
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        String body() {
            return chars + bytes.toString(StandardCharsets.UTF_8);
        }

        HttpServletResponse asServletResponse() {
            PrintWriter writer = new PrintWriter(chars, true);
            ServletOutputStream out = new ServletOutputStream() {
                @Override
                public void write(int b) {
                    bytes.write(b);
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                }
            };
            return proxy(HttpServletResponse.class, (name, args) -> {
                switch (name) {
                    case "setStatus" -> status = (Integer) args[0];
                    case "setContentType" -> contentType = (String) args[0];
                    case "setCharacterEncoding" -> characterEncoding = (String) args[0];
                    case "setHeader" -> headers.put((String) args[0], (String) args[1]);
                    case "getWriter" -> {
                        return writer;
                    }
                    case "getOutputStream" -> {
                        return out;
                    }
                    default -> {
                    }
                }
                return null;
            });
        }
    }

    private interface Handler {
        Object handle(String method, Object[] args);
    }

    private static <T> T proxy(Class<T> type, Handler handler) {
        return type.cast(Proxy.newProxyInstance(FakeHttp.class.getClassLoader(), new Class<?>[] {type},
                (p, method, args) -> {
                    Object result = handler.handle(method.getName(), args);
                    if (result == null && method.getReturnType() == boolean.class) {
                        return false;
                    }
                    if (result == null && method.getReturnType() == int.class) {
                        return 0;
                    }
                    return result;
                }));
    }
}
