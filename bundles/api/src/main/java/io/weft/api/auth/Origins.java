package io.weft.api.auth;

import java.net.URI;

/**
 * The same-origin rule for state-changing browser requests (cross-site request forgery): a POST
 * whose {@code Origin} (or, without one, {@code Referer}) names another site than the request's
 * {@code Host} is refused. Requests with neither header (curl, scripts) pass: they are not sent by a
 * browser on another site's behalf, and login still applies to them.
 */
public final class Origins {

    private Origins() {
    }

    /**
     * @param host    the request's {@code Host} header
     * @param origin  its {@code Origin} header, or null
     * @param referer its {@code Referer} header, or null
     * @return whether the request may change state
     */
    public static boolean sameOrigin(String host, String origin, String referer) {
        if ("null".equals(origin)) {
            return false; // a sandboxed frame or a file: page
        }
        String source = origin == null || origin.isEmpty() ? referer : origin;
        if (source == null || source.isEmpty()) {
            return true;
        }
        try {
            URI uri = URI.create(source);
            if (uri.getHost() == null) {
                return false;
            }
            String authority = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            return host != null && host.equalsIgnoreCase(authority);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** GET, HEAD and OPTIONS change nothing; every other method may. */
    public static boolean changesState(String method) {
        return !("GET".equalsIgnoreCase(method) || "HEAD".equalsIgnoreCase(method) || "OPTIONS".equalsIgnoreCase(method));
    }
}
