package io.weft.registry.meta.raft;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a list of meta group members as operators write it: the {@code peers} setting and the
 * {@code ipAddressList} form field of {@code /manage/changePeer} (REG-45, OPS-6). Entries are separated by
 * commas; each is {@code host} (the seed's plain IPs, every member on the same raft port) or
 * {@code host:port}. A bad entry is refused with its text, so the operator sees which one to fix, before
 * anything reaches JRaft (whose own parser accepts ports out of range).
 *
 * <p>Stateless.
 */
public final class PeerAddresses {

    /** An IPv4 address or a host name. JRaft 1.3 splits a peer id at every ':', so IPv6 literals cannot work. */
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9._-]{0,252})");

    private static final Pattern PORT = Pattern.compile("[0-9]{1,5}");

    private PeerAddresses() {
    }

    /**
     * @param list        comma-separated entries; empty entries (",,") and blanks around entries are skipped
     * @param defaultPort the raft port of entries that name none
     * @return {@code host:port} entries in the given order, each once; empty when {@code list} names nobody
     * @throws IllegalArgumentException naming the first entry that is not a member address
     */
    public static List<String> parse(String list, int defaultPort) {
        if (list == null) {
            return List.of();
        }
        Set<String> peers = new LinkedHashSet<>();
        for (String raw : list.split(",")) {
            String entry = raw.strip();
            if (!entry.isEmpty()) {
                peers.add(normalize(entry, defaultPort));
            }
        }
        return List.copyOf(peers);
    }

    /** {@code host} or {@code host:port} as {@code host:port}. */
    public static String normalize(String entry, int defaultPort) {
        int colon = entry.indexOf(':');
        if (colon != entry.lastIndexOf(':')) {
            throw new IllegalArgumentException("'" + entry + "' is not a member address: use host or host:port"
                    + " (IPv6 addresses are not supported by the raft library)");
        }
        String host = colon < 0 ? entry : entry.substring(0, colon);
        if (!HOST.matcher(host).matches()) {
            throw new IllegalArgumentException("'" + entry + "' is not a member address: '" + host
                    + "' is no IP address or host name");
        }
        int port = colon < 0 ? defaultPort : port(entry, entry.substring(colon + 1));
        return host + ":" + port;
    }

    private static int port(String entry, String text) {
        int port = PORT.matcher(text).matches() ? Integer.parseInt(text) : -1;
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("'" + entry + "' is not a member address: the port must be a"
                    + " number from 1 to 65535");
        }
        return port;
    }
}
