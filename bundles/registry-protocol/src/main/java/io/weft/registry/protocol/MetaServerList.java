package io.weft.registry.protocol;

import java.util.ArrayList;
import java.util.List;

/**
 * The meta servers a session or data server was configured with ({@code host:9610} or {@code host:9611} each) and
 * the one believed to lead, for the heartbeat of either. A failed call moves on to the next; a follower's leader hint
 * is matched to a configured address, else by host (a meta names its leader by the caller's port, and on another
 * host that may not be the configured one); when several configured metas share a host, the host alone says
 * nothing and the caller moves on instead. A hint on a host no configured meta is on names a member that joined the
 * group later ({@code /manage/changePeer}, REG-45, REG-46): it is learned, heartbeats go there and it gets pings, as
 * the configured ones do (at most {@link #MAX_LEARNED} such addresses); a learned one whose call fails is forgotten,
 * so a wrong or gone address never stays.
 *
 * <p>Thread confinement: used by the heartbeat thread only.
 */
public final class MetaServerList {

    /** How many metas learned from hints are kept beside the configured ones. */
    public static final int MAX_LEARNED = 8;

    /** The configured metas, then those learned from hints. */
    private final List<String> known;
    private final int configuredCount;
    private int target;

    /** @param configured at least one {@code host:port} */
    public MetaServerList(List<String> configured) {
        if (configured.isEmpty()) {
            throw new IllegalArgumentException("no meta server configured");
        }
        this.known = new ArrayList<>(configured);
        this.configuredCount = configured.size();
    }

    /**
     * Reads a comma-separated list of meta servers as configured ({@code host[:port],...}); an entry without a port
     * gets {@code defaultPort} (9610 for sessions, 9611 for data servers). Blank entries are skipped, so a blank
     * list is empty.
     *
     * @throws IllegalArgumentException naming the entry whose port is not a port or that has no host
     */
    public static List<String> parse(String commaSeparated, int defaultPort) {
        List<String> metas = new ArrayList<>();
        for (String entry : commaSeparated == null ? new String[0] : commaSeparated.split(",")) {
            String address = entry.strip();
            if (address.isEmpty()) {
                continue;
            }
            int colon = address.lastIndexOf(':');
            if (colon == 0) {
                throw new IllegalArgumentException("meta server " + address + " is not host:port");
            }
            // An IPv6 literal without a port ("[::1]" or "::1") keeps its colons: only a trailing :digits is a port.
            boolean hasPort = colon > 0 && address.indexOf(']') < colon
                    && (address.startsWith("[") || address.indexOf(':') == colon);
            if (!hasPort) {
                metas.add(address + ":" + defaultPort);
                continue;
            }
            String port = address.substring(colon + 1);
            int value;
            try {
                value = Integer.parseInt(port);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("meta server " + address + ": port " + port + " is not a number");
            }
            if (value <= 0 || value > 65535) {
                throw new IllegalArgumentException("meta server " + address + ": port out of range");
            }
            metas.add(address);
        }
        return metas;
    }

    /** How many metas are known: the configured ones and those learned from hints. */
    public int size() {
        return known.size();
    }

    /** The meta the next heartbeat goes to. */
    public String target() {
        return known.get(target);
    }

    /** The metas that get a ping instead. */
    public List<String> others() {
        List<String> others = new ArrayList<>(known);
        others.remove(target);
        return others;
    }

    /** The current target failed: try the next one; a learned target is forgotten. */
    public void failed() {
        if (target >= configuredCount) {
            known.remove(target);
            target = target % known.size();
            return;
        }
        target = (target + 1) % known.size();
    }

    /**
     * Makes the leader a follower named the target; a leader on a host no known meta is on is learned first.
     *
     * @return whether the target changed
     */
    public boolean leaderIs(String leader) {
        int found = known.indexOf(leader);
        String host = hostOf(leader);
        if (found < 0 && !sharedHosts()) {
            for (int i = 0; i < known.size() && found < 0; i++) {
                if (hostOf(known.get(i)).equals(host)) {
                    found = i;
                }
            }
        }
        if (found < 0 && !host.isEmpty()
                && known.subList(0, configuredCount).stream().noneMatch(m -> hostOf(m).equals(host))
                && known.size() - configuredCount < MAX_LEARNED) {
            known.add(leader);
            found = known.size() - 1;
        }
        if (found < 0 || found == target) {
            return false;
        }
        target = found;
        return true;
    }

    /** The metas learned from hints, in the order learned. */
    public List<String> learned() {
        return List.copyOf(known.subList(configuredCount, known.size()));
    }

    /** Whether two configured metas share a host: then a hint's host alone does not tell which one leads. */
    private boolean sharedHosts() {
        List<String> given = known.subList(0, configuredCount);
        return given.stream().map(MetaServerList::hostOf).distinct().count() < given.size();
    }

    public static String hostOf(String address) {
        int colon = address.lastIndexOf(':');
        return colon < 0 ? address : address.substring(0, colon);
    }
}
