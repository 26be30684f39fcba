package io.weft.itest.support;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weft.registry.session.realclient.RealClient;
import io.weft.registry.session.realclient.RealClients;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A bounded load of real {@code registry-client-all} clients on a two-session cluster, and what its subscribers saw:
 * {@code publishers} publishers and {@code subscribers} subscribers, the first half of each behind session A's
 * discovery and the rest behind B's; every publisher publishes every service, every subscriber subscribes to every
 * service. Publisher {@code p} publishes {@code 10.0.0.p:12200?round=r}.
 */
public final class ClusterLoad {

    private static final String GROUP = "SOFA";

    private final int publisherCount;
    private final int services;
    private final int subscriberCount;
    private final String servicePrefix;
    private final Duration await;
    private final List<RealClient> publishers = new ArrayList<>();
    private final List<Integer> sides = new ArrayList<>();
    /** Per subscriber and service, each callback's values, in order. */
    private final List<List<Observed>> observed = new ArrayList<>();

    /**
     * @param servicePrefix services are {@code <servicePrefix><i>:1.0@DEFAULT}
     * @param clientPrefix  clients are {@code <clientPrefix>-provider-<p>} and {@code <clientPrefix>-consumer-<c>}
     * @param await         how long {@link #awaitConverged} waits at the most
     */
    public ClusterLoad(RealClients clients, int discoveryA, int discoveryB, int publishers, int services,
            int subscribers, String servicePrefix, String clientPrefix, Duration await) {
        this.publisherCount = publishers;
        this.services = services;
        this.subscriberCount = subscribers;
        this.servicePrefix = servicePrefix;
        this.await = await;
        for (int p = 0; p < publishers; p++) {
            int side = p < publishers / 2 ? 0 : 1;
            this.publishers.add(clients.start(side == 0 ? discoveryA : discoveryB, clientPrefix + "-provider-" + p));
            sides.add(side);
        }
        for (int c = 0; c < subscribers; c++) {
            RealClient client = clients.start(c < subscribers / 2 ? discoveryA : discoveryB,
                    clientPrefix + "-consumer-" + c);
            List<Observed> perService = new ArrayList<>();
            for (int i = 0; i < services; i++) {
                Observed o = new Observed();
                client.subscribe(service(i), GROUP, o);
                perService.add(o);
            }
            observed.add(perService);
        }
    }

    public String service(int i) {
        return servicePrefix + i + ":1.0@DEFAULT";
    }

    /** The publishers behind session A's discovery (side 0) or B's (side 1). */
    public int publishersPer(int side) {
        return (int) sides.stream().filter(s -> s == side).count();
    }

    /** Round 1 registers the publishers; later rounds change every publication. */
    public void publishRound(int round) {
        for (int p = 0; p < publishers.size(); p++) {
            for (int i = 0; i < services; i++) {
                if (round == 1) {
                    publishers.get(p).publish(service(i), GROUP, value(p, round));
                } else {
                    publishers.get(p).republish(service(i), value(p, round));
                }
            }
        }
    }

    /** Waits until every subscription's latest callback has every publisher's value of {@code round}. */
    public void awaitConverged(int round, String what) throws InterruptedException {
        List<String> expected = expected(round);
        assertTrue(WeftNode.await(await, () -> observed.stream().flatMap(List::stream)
                .allMatch(o -> expected.equals(o.latestValues()))), "timed out waiting for " + what
                + ": expected " + expected + " everywhere, not yet at " + lagging(expected));
    }

    /** Whether no callback so far carried a value of {@code round}. */
    public boolean nobodyHas(int round) {
        String suffix = "?round=" + round;
        return observed.stream().flatMap(List::stream).flatMap(o -> o.since(0).stream()).flatMap(List::stream)
                .noneMatch(v -> v.endsWith(suffix));
    }

    /** How many callbacks each subscription has had so far. */
    public List<Integer> mark() {
        return observed.stream().flatMap(List::stream).map(Observed::count).toList();
    }

    /** The callbacks after {@code mark} whose values are not those of {@code round}, as in {@link #callbacksSince}. */
    public List<String> newValuesSince(List<Integer> mark, int round, long originNanos) {
        String cached = expected(round).toString();
        return callbacksSince(mark, originNanos).stream().filter(c -> !c.endsWith(": " + cached)).toList();
    }

    /** Every callback after {@code mark}, as "subscriber/service at +N ms: values", N counted from {@code originNanos}. */
    public List<String> callbacksSince(List<Integer> mark, long originNanos) {
        List<String> calls = new ArrayList<>();
        int n = 0;
        for (int c = 0; c < observed.size(); c++) {
            for (int i = 0; i < services; i++, n++) {
                Observed o = observed.get(c).get(i);
                for (int k = mark.get(n); k < o.count(); k++) {
                    calls.add(c + "/" + i + " at +" + (o.times.get(k) - originNanos) / 1_000_000 + " ms: "
                            + o.calls.get(k));
                }
            }
        }
        return calls;
    }

    /** The callbacks after {@code mark} that lacked one of the publishers (all alive), as "subscriber/service: values". */
    public List<String> incompleteSince(List<Integer> mark) {
        List<String> incomplete = new ArrayList<>();
        int n = 0;
        for (int c = 0; c < observed.size(); c++) {
            for (int i = 0; i < services; i++, n++) {
                for (List<String> values : observed.get(c).get(i).since(mark.get(n))) {
                    if (values.size() != publisherCount) {
                        incomplete.add(c + "/" + i + ": " + values);
                    }
                }
            }
        }
        return incomplete;
    }

    @Override
    public String toString() {
        return publisherCount + " publishers x " + services + " services, " + subscriberCount + " subscribers";
    }

    private static String value(int publisher, int round) {
        return "10.0.0." + publisher + ":12200?round=" + round;
    }

    private List<String> expected(int round) {
        List<String> all = new ArrayList<>();
        for (int p = 0; p < publisherCount; p++) {
            all.add(value(p, round));
        }
        return all.stream().sorted().toList();
    }

    private List<String> lagging(List<String> expected) {
        List<String> lagging = new ArrayList<>();
        for (int c = 0; c < observed.size(); c++) {
            for (int i = 0; i < services; i++) {
                List<String> latest = observed.get(c).get(i).latestValues();
                if (!expected.equals(latest)) {
                    lagging.add("subscriber " + c + " service " + i + " has " + latest);
                }
            }
        }
        return lagging.size() > 5 ? lagging.subList(0, 5) : lagging;
    }

    /** What one subscription's callbacks delivered, in order, each as its sorted values, and when. */
    private static final class Observed implements Consumer<Map<String, List<String>>> {
        private final List<List<String>> calls = new CopyOnWriteArrayList<>();
        private final List<Long> times = new CopyOnWriteArrayList<>();

        @Override
        public void accept(Map<String, List<String>> data) {
            times.add(System.nanoTime());
            calls.add(data.values().stream().flatMap(List::stream).sorted().toList());
        }

        int count() {
            return calls.size();
        }

        List<String> latestValues() {
            return calls.isEmpty() ? null : calls.get(calls.size() - 1);
        }

        List<List<String>> since(int from) {
            return calls.subList(from, calls.size());
        }
    }
}
