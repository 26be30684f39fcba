package io.weft.console.registry.feed;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Parsing the {@code host[:port]} lists of the configuration and of the meta's node lists. */
public final class HostPorts {

    private HostPorts() {
    }

    /**
     * {@code "a, b:1, [::1]:2"} as {@code host:port} each, {@code defaultPort} where none is given; blanks and
     * repeats dropped.
     *
     * @throws IllegalArgumentException naming the entry that is not {@code host[:port]}
     */
    public static List<String> list(String commaSeparated, int defaultPort) {
        Set<String> out = new LinkedHashSet<>();
        for (String entry : commaSeparated == null ? new String[0] : commaSeparated.split(",")) {
            String e = entry.strip();
            if (!e.isEmpty()) {
                out.add(withPort(e, defaultPort));
            }
        }
        return new ArrayList<>(out);
    }

    /** The host of {@code address} ({@code host} or {@code host:port}, IPv6 in brackets) and {@code port}. */
    public static String withHostOf(String address, int port) {
        return bracket(host(address)) + ":" + port;
    }

    private static String withPort(String entry, int defaultPort) {
        String host = host(entry);
        String rest = entry.substring(entry.startsWith("[") ? entry.indexOf(']') + 1 : host.length());
        if (rest.isEmpty()) {
            return bracket(host) + ":" + defaultPort;
        }
        try {
            int port = Integer.parseInt(rest.substring(1));
            if (rest.charAt(0) != ':' || port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return bracket(host) + ":" + port;
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            throw new IllegalArgumentException("'" + entry + "' is not host[:port]");
        }
    }

    private static String host(String address) {
        if (address.startsWith("[")) {
            int close = address.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("'" + address + "' is not host[:port]");
            }
            return address.substring(1, close);
        }
        int colon = address.indexOf(':');
        if (colon >= 0 && colon == address.lastIndexOf(':')) {
            return address.substring(0, colon);
        }
        return address; // no port, or a bare IPv6 address
    }

    private static String bracket(String host) {
        return host.indexOf(':') >= 0 ? "[" + host + "]" : host;
    }
}
