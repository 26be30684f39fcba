package io.weft.console.registry.feed;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * The provider address in a published value: what an {@code override://host:port} rule must name exactly
 * for SOFARPC consumers to apply it. SOFARPC publishes {@code bolt://10.0.0.5:12200?weight=100&...}; plain
 * registry clients often publish {@code 10.0.0.5:12200?...}; both are read here.
 *
 * @param weight the {@code weight} the provider published, empty when it published none
 */
public record ProviderAddress(String host, int port, OptionalInt weight) {

    /** {@code host:port}, with brackets around an IPv6 host. */
    public String hostPort() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    /** The address of {@code value}, empty when it names no {@code host:port} (not a provider URL). */
    public static Optional<ProviderAddress> of(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String rest = value.strip();
        int scheme = rest.indexOf("://");
        if (scheme >= 0) {
            rest = rest.substring(scheme + 3);
        }
        int query = rest.indexOf('?');
        String params = query >= 0 ? rest.substring(query + 1) : "";
        String authority = query >= 0 ? rest.substring(0, query) : rest;
        int slash = authority.indexOf('/');
        if (slash >= 0) {
            authority = authority.substring(0, slash);
        }
        String host;
        String port;
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            if (close < 0 || close + 1 >= authority.length() || authority.charAt(close + 1) != ':') {
                return Optional.empty();
            }
            host = authority.substring(1, close);
            port = authority.substring(close + 2);
        } else {
            int colon = authority.lastIndexOf(':');
            if (colon <= 0 || authority.indexOf(':') != colon) {
                return Optional.empty();
            }
            host = authority.substring(0, colon);
            port = authority.substring(colon + 1);
        }
        try {
            int p = Integer.parseInt(port);
            if (p < 1 || p > 65535 || host.isBlank()) {
                return Optional.empty();
            }
            return Optional.of(new ProviderAddress(host, p, weightOf(params)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static OptionalInt weightOf(String params) {
        for (String pair : params.split("&")) {
            if (pair.startsWith("weight=")) {
                try {
                    return OptionalInt.of(Integer.parseInt(pair.substring("weight=".length())));
                } catch (NumberFormatException e) {
                    return OptionalInt.empty();
                }
            }
        }
        return OptionalInt.empty();
    }
}
