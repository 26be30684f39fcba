package io.weft.bench.registry.rpc;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.Set;
import java.util.function.Predicate;

/**
 * How fast a registry's changes reach unmodified SOFARPC consumers (issue #4's goals: a killed provider out of its
 * consumers' address lists in under 1 s, the peer about 2 s; an {@code override://} rule delivered in under 1 s,
 * the open-source server never). Against a registry already running, the same for Weft and SOFARegistry 6.3.0:
 * <ul>
 * <li>one provider B that stays and {@code --consumers} consumers, each a JVM of its own on SOFARPC 5.13's class path
 *     (the itest's {@code EchoProvider}/{@code EchoConsumer}, whose watch prints every change of the consumer's
 *     address list with the time it saw it);</li>
 * <li>then, {@code --rounds} times, a new provider A: its export until every consumer lists it; an
 *     {@code override://A?disabled=true} written on the meta until every consumer dropped A (at most
 *     {@code --override-wait-ms}: past that, "not delivered"); the rule removed until A is back; kill -9 of A until
 *     every consumer dropped it.</li>
 * </ul>
 * Each figure is the time from the event (taken just before it, in this JVM) to the last consumer's change, on one
 * machine's clock. Prints each round and p50 / max of each figure, and writes them to {@code --out}.
 *
 * <p>{@code RpcFailover --table FILE...} prints the figures of several runs side by side.
 */
public final class RpcFailover {

    /** SOFARPC's dataId for the Echo service, version 1.0, no uniqueId (RCP-18). */
    private static final String ECHO = "io.weft.itest.sofarpc.app.Echo";
    private static final String DATA_ID = ECHO + ":1.0@DEFAULT";
    private static final String PROVIDER_MAIN = "io.weft.itest.sofarpc.app.EchoProvider";
    private static final String CONSUMER_MAIN = "io.weft.itest.sofarpc.app.EchoConsumer";
    private static final long START_WAIT_MILLIS = 180_000;

    private static final String[] FIGURES = {"exported", "override", "restored", "killed"};
    private static final Map<String, String> TITLES = Map.of(
            "exported", "provider exported -> in every consumer's list",
            "override", "override disabled=true written -> out of every list",
            "restored", "override removed -> back in every list",
            "killed", "provider kill -9 -> out of every consumer's list");

    private final Map<String, String> options;
    private final String label;
    private final List<RpcJvm> consumers = new ArrayList<>();
    private final Map<String, List<Long>> figures = new HashMap<>();
    private int undelivered;

    private RpcFailover(Map<String, String> options) {
        this.options = options;
        this.label = option("label", "registry");
        for (String figure : FIGURES) {
            figures.put(figure, new ArrayList<>());
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--table")) {
            table(List.of(args).subList(1, args.length));
            return;
        }
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        System.exit(new RpcFailover(options).run());
    }

    private String option(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    private long number(String name, long fallback) {
        return Long.parseLong(option(name, Long.toString(fallback)));
    }

    private int run() throws Exception {
        String registry = option("registry", "127.0.0.1:9603");
        String classPath = option("apps-cp", null);
        Path work = Path.of(option("work", "target/rpc-failover")).toAbsolutePath();
        int rounds = (int) number("rounds", 5);
        int firstPort = (int) number("first-port", 12200);
        long waitMillis = number("wait-ms", 30_000);
        long overrideWaitMillis = number("override-wait-ms", 10_000);
        if (classPath == null) {
            System.err.println("RpcFailover: --apps-cp (SOFARPC's jars and the Echo applications) is required");
            return 64;
        }
        PersistentData rules = new PersistentData(option("meta", "http://127.0.0.1:9615"), DATA_ID);
        say("registry " + registry + ", " + number("consumers", 3) + " consumers, " + rounds + " rounds");
        RpcJvm stable = null;
        try {
            for (int i = 1; i <= number("consumers", 3); i++) {
                consumers.add(RpcJvm.start("consumer-" + i, classPath, work, CONSUMER_MAIN, registry));
            }
            String b = "127.0.0.1:" + firstPort;
            stable = provider("provider-b", classPath, work, registry, firstPort);
            if (await(mark(), listed -> listed.contains(b), START_WAIT_MILLIS) == null) {
                say("FAILED: the consumers never listed " + b + "; their lists: " + lists());
                return 1;
            }
            try {
                rules.remove(); // a rule left by an earlier run would hide the providers
            } catch (IOException e) {
                say("no rule to remove before the first round: " + e.getMessage());
            }
            for (int round = 1; round <= rounds; round++) {
                if (!round(round, classPath, work, registry, firstPort + round, rules, waitMillis,
                        overrideWaitMillis)) {
                    return 1;
                }
            }
        } finally {
            for (RpcJvm consumer : consumers) {
                consumer.close();
            }
            if (stable != null) {
                stable.close();
            }
        }
        summary();
        return 0;
    }

    /** One round with a new provider A on {@code port}; false when a step did not happen at all. */
    private boolean round(int round, String classPath, Path work, String registry, int port, PersistentData rules,
            long waitMillis, long overrideWaitMillis) throws Exception {
        String a = "127.0.0.1:" + port;
        List<Integer> from = mark();
        RpcJvm provider = provider("provider-a" + round, classPath, work, registry, port);
        long exportedAt = System.currentTimeMillis();
        try {
            Long exported = await(from, listed -> listed.contains(a), waitMillis);
            if (exported == null) {
                say("FAILED: round " + round + ": " + a + " not in every list within " + waitMillis + " ms: " + lists());
                return false;
            }
            record("exported", exported - exportedAt);

            from = mark();
            long writtenAt = System.currentTimeMillis();
            rules.put("override://" + a + "?disabled=true");
            Long dropped = await(from, listed -> !listed.contains(a), overrideWaitMillis);
            String overrideText;
            String restoredText = "-";
            if (dropped == null) {
                undelivered++;
                overrideText = "not delivered in " + overrideWaitMillis + " ms";
                rules.remove();
            } else {
                record("override", dropped - writtenAt);
                overrideText = (dropped - writtenAt) + " ms";
                from = mark();
                long removedAt = System.currentTimeMillis();
                rules.remove();
                Long back = await(from, listed -> listed.contains(a), waitMillis);
                if (back == null) {
                    say("FAILED: round " + round + ": " + a + " not back within " + waitMillis + " ms: " + lists());
                    return false;
                }
                record("restored", back - removedAt);
                restoredText = (back - removedAt) + " ms";
            }

            from = mark();
            long killedAt = System.currentTimeMillis();
            provider.kill9();
            Long gone = await(from, listed -> !listed.contains(a), waitMillis);
            if (gone == null) {
                say("FAILED: round " + round + ": killed " + a + " still listed after " + waitMillis + " ms: " + lists());
                return false;
            }
            record("killed", gone - killedAt);
            say(String.format(Locale.ROOT, "round %d: exported -> listed %d ms; override -> dropped %s; removed ->"
                    + " back %s; kill -9 -> dropped %d ms", round, exported - exportedAt, overrideText, restoredText,
                    gone - killedAt));
            return true;
        } finally {
            provider.close();
        }
    }

    private RpcJvm provider(String name, String classPath, Path work, String registry, int port) throws Exception {
        RpcJvm jvm = RpcJvm.start(name, classPath, work, PROVIDER_MAIN, registry, Integer.toString(port), name);
        if (!jvm.awaitLine("READY 127.0.0.1:" + port, START_WAIT_MILLIS)) {
            jvm.close();
            throw new IllegalStateException(name + " did not export within " + START_WAIT_MILLIS + " ms (see "
                    + work.resolve(name) + ")");
        }
        return jvm;
    }

    /** Where each consumer's output stands now: the changes after an event are counted from here. */
    private List<Integer> mark() {
        return consumers.stream().map(AddressLists::mark).toList();
    }

    /**
     * Waits until every consumer printed, from its mark on, a list matching {@code condition}; answers when the
     * last of them saw it (its clock), or null after {@code timeoutMillis}.
     */
    private Long await(List<Integer> from, Predicate<Set<String>> condition, long timeoutMillis)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (true) {
            long last = 0;
            boolean all = true;
            for (int i = 0; i < consumers.size() && all; i++) {
                OptionalLong seen = AddressLists.firstFrom(consumers.get(i), from.get(i), condition);
                all = seen.isPresent();
                last = Math.max(last, seen.orElse(0));
            }
            if (all) {
                return last;
            }
            if (System.currentTimeMillis() >= deadline) {
                return null;
            }
            Thread.sleep(10);
        }
    }

    private String lists() {
        StringBuilder text = new StringBuilder();
        consumers.forEach(c -> text.append(c.name()).append('=').append(AddressLists.current(c)).append(' '));
        return text.toString().trim();
    }

    private void record(String figure, long millis) {
        figures.get(figure).add(millis);
    }

    private void summary() throws IOException {
        Properties out = new Properties();
        out.setProperty("label", label);
        out.setProperty("override.undelivered", Integer.toString(undelivered));
        for (String figure : FIGURES) {
            List<Long> values = new ArrayList<>(figures.get(figure));
            values.sort(null);
            String text = values.isEmpty() ? "none" : String.format(Locale.ROOT, "p50 %d / max %d ms (%d)",
                    values.get((values.size() - 1) / 2), values.get(values.size() - 1), values.size());
            if (figure.equals("override") && undelivered > 0) {
                text += ", not delivered " + undelivered + " times";
            }
            say(String.format(Locale.ROOT, "%-55s %s", TITLES.get(figure), text));
            out.setProperty(figure, text);
        }
        String file = option("out", null);
        if (file != null) {
            try (Writer writer = Files.newBufferedWriter(Path.of(file))) {
                out.store(writer, "RpcFailover " + label);
            }
        }
    }

    private void say(String line) {
        System.out.println("[rpc " + label + "] " + line);
        System.out.flush();
    }

    /** The figures of each file side by side, a column a run, in the order given. */
    private static void table(List<String> files) throws IOException {
        List<Properties> runs = new ArrayList<>();
        for (String file : files) {
            Properties p = new Properties();
            try (Reader reader = Files.newBufferedReader(Path.of(file))) {
                p.load(reader);
            }
            runs.add(p);
        }
        StringBuilder header = new StringBuilder("| figure |");
        StringBuilder rule = new StringBuilder("|---|");
        for (Properties run : runs) {
            header.append(' ').append(run.getProperty("label")).append(" |");
            rule.append("---|");
        }
        System.out.println(header);
        System.out.println(rule);
        for (String figure : FIGURES) {
            StringBuilder row = new StringBuilder("| " + TITLES.get(figure) + " |");
            for (Properties run : runs) {
                row.append(' ').append(run.getProperty(figure, "-")).append(" |");
            }
            System.out.println(row);
        }
    }
}
