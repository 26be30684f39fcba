package io.weft.drm.client.connection;

/**
 * A drmdata node's client port.
 *
 * @param dataCenter its data center when ACVIP named one, else empty
 */
public record ServerAddress(String host, int port, String dataCenter) {

    public ServerAddress {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("server host is empty");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("server port must be 1..65535, was " + port);
        }
        dataCenter = dataCenter == null ? "" : dataCenter;
    }

    /** {@code host:port} or {@code [v6]:port}; a bare host gets {@code defaultPort}. */
    public static ServerAddress parse(String text, int defaultPort) {
        String t = text.strip();
        if (t.startsWith("[")) {
            int close = t.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("bad server address '" + text + "'");
            }
            String host = t.substring(1, close);
            String rest = t.substring(close + 1);
            return new ServerAddress(host, rest.startsWith(":") ? port(rest.substring(1), text) : defaultPort, "");
        }
        int colon = t.lastIndexOf(':');
        if (colon < 0) {
            return new ServerAddress(t, defaultPort, "");
        }
        return new ServerAddress(t.substring(0, colon), port(t.substring(colon + 1), text), "");
    }

    private static int port(String s, String text) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad port in server address '" + text + "'");
        }
    }

    @Override
    public String toString() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
