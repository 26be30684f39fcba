package io.weft.bench.registry.load;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** {@code --name value} arguments of {@link RegistryLoad}, with the bench's defaults. */
final class LoadOptions {

    private final Map<String, String> values = new HashMap<>();

    LoadOptions(String[] args) {
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value, got " + args[i]);
            }
            values.put(args[i].substring(2), args[i + 1]);
        }
    }

    String label() {
        return values.getOrDefault("label", "server");
    }

    /** The discovery endpoint, host:port: the session's ops HTTP port (9603 on both systems). */
    String host() {
        return required("discovery").split(":")[0];
    }

    int port() {
        return Integer.parseInt(required("discovery").split(":")[1]);
    }

    Path pidFile() {
        return Path.of(required("pid-file"));
    }

    /**
     * The ops HTTP ports of every session, host:port comma-separated, whose client connections are counted; by
     * default the discovery endpoint's alone. A cluster's clients spread over all its sessions.
     */
    java.util.List<String> sessionOps() {
        String list = values.get("session-ops");
        return list == null || list.isBlank() ? java.util.List.of(required("discovery"))
                : java.util.List.of(list.split(","));
    }

    /**
     * How the restart is judged healed. {@code false} (the default): every pair gets a callback with the last
     * value from the restarted server, for a single server whose restart drops every client. {@code true}: every
     * publisher changes its value as soon as the stop returns, and the restart is healed when every pair has that
     * change: for a cluster, where only the clients of the restarted session lose their connection and the
     * others keep being served, so their pairs see no new callback unless something changes.
     */
    boolean restartWithChange() {
        return Boolean.parseBoolean(values.getOrDefault("restart-change", "false"));
    }

    /**
     * {@code true}: only the idle RSS and the registration rate, no subscription, push or restart phase: for a
     * server that pushes nothing, such as {@link AnswerOnlySession}.
     */
    boolean registrationOnly() {
        return Boolean.parseBoolean(values.getOrDefault("registration-only", "false"));
    }

    String stopCommand() {
        return values.get("stop-cmd");
    }

    String startCommand() {
        return values.get("start-cmd");
    }

    Path out() {
        return Path.of(values.getOrDefault("out", label() + ".properties"));
    }

    Path commandLog() {
        return Path.of(values.getOrDefault("command-log", label() + "-restart.log"));
    }

    int ids() {
        return number("ids", 1000);
    }

    int subscriberClients() {
        return number("subscriber-clients", 10);
    }

    int publisherClients() {
        return number("publisher-clients", 10);
    }

    /** Paced rounds first, printed but not counted: the first changes run through not yet compiled code. */
    int warmUpRounds() {
        return number("warm-up-rounds", 1);
    }

    /** Paced rounds: the push latency figures. */
    int rounds() {
        return number("rounds", 3);
    }

    /** Each paced round's changes are spread over this long, at an even pace (1 000 over 10 s: 100 changes/s). */
    int spreadMillis() {
        return number("spread-ms", 10_000);
    }

    /** Burst rounds after the paced ones: every publisher changes at once (how long until all have it). */
    int burstRounds() {
        return number("burst-rounds", 2);
    }

    int registrationClients() {
        return number("registration-clients", 10);
    }

    int registrations() {
        return number("registrations", 20000);
    }

    /**
     * Registration rounds on the warm server (before the restart), each of {@link #registrations()} publishers on new
     * dataInfoIds, through the same clients; the last is reported as the warm figure. After the restart one more
     * round, through new clients, gives the cold one. With {@code --registration-only}, the rounds' first is the
     * cold figure and the last the warm one.
     */
    int registrationRounds() {
        return number("registration-rounds", 2);
    }

    int idleSeconds() {
        return number("idle-seconds", 10);
    }

    int healTimeoutSeconds() {
        return number("heal-timeout-seconds", 180);
    }

    private int number(String name, int fallback) {
        return values.containsKey(name) ? Integer.parseInt(values.get(name)) : fallback;
    }

    private String required(String name) {
        String v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return v;
    }
}
