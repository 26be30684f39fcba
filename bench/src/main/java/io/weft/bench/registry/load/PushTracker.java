package io.weft.bench.registry.load;

import com.alipay.sofa.registry.client.api.SubscriberDataObserver;
import com.alipay.sofa.registry.client.api.model.UserData;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * What each subscriber's callback saw. A pair is (subscriber client, dataInfoId); each publisher's value is
 * {@code round:nanoTime:id}, the time taken by this JVM just before {@code republish}, so latency is measured on
 * one clock: from the publisher's change to the subscriber's callback having it.
 */
final class PushTracker {

    private final int ids;
    private final int pairs;
    /** Highest round each pair's callback has shown so far (-1: none yet). */
    private final AtomicIntegerArray seenRound;
    /** [round][pair]: change to callback, ns; 0 while not arrived. */
    private final long[][] latency;
    private final AtomicInteger[] arrived;

    /** After a restart: callbacks after {@code healFrom} that show round {@code healRound} again. */
    private volatile long healFrom = Long.MAX_VALUE;
    private volatile int healRound = -1;
    private final AtomicLongArray healedAt;
    private final AtomicInteger healed = new AtomicInteger();
    private final AtomicInteger emptyAfterRestart = new AtomicInteger();

    PushTracker(int ids, int subscriberClients, int rounds) {
        this.ids = ids;
        this.pairs = ids * subscriberClients;
        this.seenRound = new AtomicIntegerArray(pairs);
        for (int i = 0; i < pairs; i++) {
            seenRound.set(i, -1);
        }
        this.latency = new long[rounds + 1][pairs];
        this.arrived = new AtomicInteger[rounds + 1];
        for (int r = 0; r <= rounds; r++) {
            arrived[r] = new AtomicInteger();
        }
        this.healedAt = new AtomicLongArray(pairs);
    }

    static String value(int round, int id) {
        return round + ":" + System.nanoTime() + ":" + id;
    }

    int pairs() {
        return pairs;
    }

    SubscriberDataObserver observer(int subscriberClient, int id) {
        int pair = subscriberClient * ids + id;
        return (dataId, data) -> onData(pair, data);
    }

    private void onData(int pair, UserData data) {
        long now = System.nanoTime();
        String v = firstValue(data);
        if (v == null) {
            if (now > healFrom) {
                emptyAfterRestart.incrementAndGet();
            }
            return;
        }
        int c1 = v.indexOf(':');
        int c2 = v.indexOf(':', c1 + 1);
        int round = Integer.parseInt(v.substring(0, c1));
        long sent = Long.parseLong(v.substring(c1 + 1, c2));
        int prev;
        while ((prev = seenRound.get(pair)) < round) {
            if (seenRound.compareAndSet(pair, prev, round)) {
                if (round < latency.length) {
                    latency[round][pair] = Math.max(1, now - sent);
                    arrived[round].incrementAndGet();
                }
                break;
            }
        }
        if (now > healFrom && round == healRound && healedAt.compareAndSet(pair, 0, now)) {
            healed.incrementAndGet();
        }
    }

    private static String firstValue(UserData data) {
        Map<String, List<String>> zones = data == null ? null : data.getZoneData();
        if (zones == null) {
            return null;
        }
        for (List<String> values : zones.values()) {
            if (values != null && !values.isEmpty()) {
                return values.get(0);
            }
        }
        return null;
    }

    int arrived(int round) {
        return arrived[round].get();
    }

    /** Change-to-callback latency of every pair that got round {@code r}, ns. */
    long[] pairLatencies(int r) {
        return java.util.Arrays.stream(latency[r]).filter(l -> l > 0).toArray();
    }

    /**
     * Per change (dataInfoId, round): until every one of its subscribers had it, ns; only changes that reached all
     * of them.
     */
    long[] allSubscriberLatencies(int r) {
        int subscriberClients = pairs / ids;
        long[] out = new long[ids];
        int n = 0;
        for (int id = 0; id < ids; id++) {
            long max = 0;
            for (int s = 0; s < subscriberClients && max >= 0; s++) {
                long l = latency[r][s * ids + id];
                max = l == 0 ? -1 : Math.max(max, l);
            }
            if (max > 0) {
                out[n++] = max;
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /** From now on, a callback showing {@code round} again counts as that pair healed (after a restart). */
    void armHeal(long fromNanos, int round) {
        healRound = round;
        healFrom = fromNanos;
    }

    int healed() {
        return healed.get();
    }

    int emptyAfterRestart() {
        return emptyAfterRestart.get();
    }

    /** The time the last pair healed, ns (System.nanoTime), or -1 when some has not. */
    long lastHealed() {
        long last = 0;
        for (int i = 0; i < pairs; i++) {
            long t = healedAt.get(i);
            if (t == 0) {
                return -1;
            }
            last = Math.max(last, t);
        }
        return last;
    }

    long firstHealed() {
        long first = Long.MAX_VALUE;
        for (int i = 0; i < pairs; i++) {
            long t = healedAt.get(i);
            if (t != 0) {
                first = Math.min(first, t);
            }
        }
        return first == Long.MAX_VALUE ? -1 : first;
    }
}
