package io.weft.bench.registry.load;

import com.alipay.sofa.registry.client.api.Publisher;
import com.alipay.sofa.registry.client.api.Register;
import com.alipay.sofa.registry.client.api.registration.PublisherRegistration;
import com.alipay.sofa.registry.client.api.registration.SubscriberRegistration;
import com.alipay.sofa.registry.client.provider.DefaultRegistryClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * One registry workload through the official {@code registry-client-all} 6.5.6, against whatever session server
 * the discovery endpoint names (Weft or SOFARegistry 6.3.0). Prints figures; asserts nothing. Runs in a JVM whose
 * class path is the client's jars and this package only (see bench/registry/run.sh).
 *
 * <ol>
 * <li>Server RSS idle, after {@code --idle-seconds} with no client.</li>
 * <li>S subscriber clients and P publisher clients (one connection each), warmed up; the connections the
 *     session reports.</li>
 * <li>Each subscriber client subscribes to all I dataInfoIds (I x S subscriptions, S per dataInfoId); timed until
 *     the server acknowledged every one.</li>
 * <li>One publisher per dataInfoId, spread over the publisher clients; time until every pair has the value.</li>
 * <li>W warm-up rounds (printed, not counted), then R paced rounds: each publisher republishes a value carrying {@code System.nanoTime()}, the I changes
 *     spread evenly over {@code --spread-ms}; latency from the change to each subscriber's callback having it.
 *     Then the next round. Server and load CPU over these rounds. Then B burst rounds, all I changes at once.
 *     Max RSS over all of it.</li>
 * <li>Registration rate on the warm server: G new clients; K rounds of N publishers on N new dataInfoIds each,
 *     registered at once and timed until the server acknowledged every one; the last round is the warm figure.
 *     Then those clients' connections close (the server drops their publishers).</li>
 * <li>Restart: {@code --stop-cmd} then {@code --start-cmd} (both return when done); time from issuing the stop
 *     until every (subscriber, dataInfoId) pair got a callback from the restarted server with the last value
 *     again. The clients re-register by themselves.</li>
 * <li>Registration rate on the cold server: G new clients, one round of N; RSS at the end.</li>
 * </ol>
 * With {@code --registration-only true}, only K registration rounds run (for {@link AnswerOnlySession}): the
 * first is the cold figure, the last the warm one.
 */
public final class RegistryLoad {

    /** How long a server is given, after a registration round, to finish what it does after acknowledging. */
    private static final long SETTLE_MILLIS = 3_000;

    private static final long ROUND_TIMEOUT = TimeUnit.SECONDS.toNanos(60);

    private RegistryLoad() {
    }

    public static void main(String[] args) {
        try {
            run(args);
        } catch (Throwable t) {
            // The clients' threads are not daemons: without an exit the JVM would outlive its failure, and run.sh,
            // which waits for it, would never stop the server.
            t.printStackTrace();
            System.exit(1);
        }
    }

    private static void run(String[] args) throws Exception {
        LoadOptions o = new LoadOptions(args);
        ServerProbe probe = new ServerProbe(o.host(), o.port(), o.sessionOps(), o.pidFile());
        Figures f = new Figures();
        System.out.printf("registry load '%s' against discovery %s:%d: %d dataInfoIds x %d subscriber clients, %d"
                + " publisher clients, %d warm-up and %d paced rounds over %d ms each, %d burst rounds; %d registrations"
                + " on %d clients; %d cores here%n", o.label(), o.host(), o.port(), o.ids(), o.subscriberClients(),
                o.publisherClients(), o.warmUpRounds(), o.rounds(), o.spreadMillis(), o.burstRounds(), o.registrations(),
                o.registrationClients(),
                Runtime.getRuntime().availableProcessors());
        f.put("label", o.label());
        f.put("machine.loadavg", String.join(" ", java.util.Arrays.copyOf(
                Files.readString(Path.of("/proc/loadavg")).split(" "), 3)));

        Thread.sleep(TimeUnit.SECONDS.toMillis(o.idleSeconds()));
        f.put("server.rss.idle.mib", probe.rssKiB() / 1024.0);
        if (o.registrationOnly()) {
            registrationOnly(o, probe, f);
        } else {
            pushAndRestart(o, probe, f);
        }
        f.put("server.rss.end.mib", probe.rssKiB() / 1024.0);
        System.out.println("session's own count at the end: " + probe.dataCount());
        f.write(o.out());
        System.out.println("figures written to " + o.out());
        System.exit(0); // the client has no shutdown of its own; its threads would keep the JVM
    }

    /** Phases 2 to 5: clients, subscriptions, publishers, push rounds, the restart. */
    private static void pushAndRestart(LoadOptions o, ServerProbe probe, Figures f) throws Exception {

        // Clients: subscriber clients first, publisher clients after.
        List<DefaultRegistryClient> subClients = Clients.start(o.subscriberClients(), o.host(), o.port(), "bench-sub");
        List<DefaultRegistryClient> pubClients = Clients.start(o.publisherClients(), o.host(), o.port(), "bench-pub");
        List<DefaultRegistryClient> all = new ArrayList<>(subClients);
        all.addAll(pubClients);
        long warm = Clients.warmUp(all, "bench." + o.label());
        System.out.printf("%d clients connected and acknowledged a first publisher within %d ms%n", all.size(),
                TimeUnit.NANOSECONDS.toMillis(warm));
        f.put("clients", all.size());
        f.put("connections.held", awaitConnections(probe, all.size(), 10));

        int warmUps = o.warmUpRounds();
        int lastRound = warmUps + o.rounds() + o.burstRounds();
        // One more round when the restart is judged by a change made while it goes on.
        PushTracker tracker = new PushTracker(o.ids(), o.subscriberClients(),
                o.restartWithChange() ? lastRound + 1 : lastRound);
        List<Publisher> publishers;
        try (RssSampler load = new RssSampler(probe)) {
            subscribe(o, subClients, tracker, f);
            publishers = publish(o, pubClients, tracker, f);
            if (warmUps > 0) {
                Percentiles[] warmUpRounds = rounds(publishers, tracker, 1, warmUps, o.spreadMillis(), "warm-up (not counted)");
                f.put("push.warmup.p99.ms", warmUpRounds[0].millis(99));
            }
            long serverCpu = probe.cpuMillis();
            long ownCpu = ownCpuMillis();
            long began = System.nanoTime();
            Percentiles[] paced = rounds(publishers, tracker, warmUps + 1, o.rounds(), o.spreadMillis(), "paced");
            double millis = (System.nanoTime() - began) / 1e6;
            f.put("push.rate", String.format("%d changes/s x %d subscribers", Math.round(o.ids() * 1000.0
                    / Math.max(1, o.spreadMillis())), o.subscriberClients()));
            f.put("push.pairs.p50.ms", paced[0].millis(50));
            f.put("push.pairs.p99.ms", paced[0].millis(99));
            f.put("push.pairs.max.ms", paced[0].maxMillis());
            f.put("push.all.p50.ms", paced[1].millis(50));
            f.put("push.all.p99.ms", paced[1].millis(99));
            f.put("push.all.max.ms", paced[1].maxMillis());
            f.put("push.missing", o.rounds() * tracker.pairs() - paced[0].count());
            f.put("server.cpu.cores.push", (probe.cpuMillis() - serverCpu) / millis);
            f.put("load.cpu.cores.push", (ownCpuMillis() - ownCpu) / millis);
            if (o.burstRounds() > 0) {
                Percentiles[] burst = rounds(publishers, tracker, warmUps + o.rounds() + 1, o.burstRounds(), 0, "burst");
                f.put("burst.pairs.p50.ms", burst[0].millis(50));
                f.put("burst.pairs.max.ms", burst[0].maxMillis());
                f.put("burst.missing", o.burstRounds() * tracker.pairs() - burst[0].count());
            }
            f.put("server.rss.load.mib", load.maxKiB() / 1024.0);
        }
        System.out.println("session's own count under load: " + probe.dataCount());

        // The server is warm now (every code path of the workload ran for a minute): the steady-state rate.
        List<DefaultRegistryClient> registering = Clients.start(o.registrationClients(), o.host(), o.port(), "bench-reg");
        Clients.warmUp(registering, "bench." + o.label() + ".reg");
        Round last = null;
        for (int round = 1; round <= o.registrationRounds(); round++) {
            last = registrationRound(o, probe, registering, "warm" + round, "warm round " + round);
        }
        if (last != null) {
            last.put(f, ".warm");
        }
        f.put("server.rss.warm.registrations.mib", probe.rssKiB() / 1024.0);
        // Their connections close, so the server drops their publishers, and the restart below has the same
        // 20 clients as before this phase.
        Clients.close(registering);
        awaitConnections(probe, all.size(), 60);
        Thread.sleep(SETTLE_MILLIS);

        if (o.stopCommand() != null && o.startCommand() != null) {
            restart(o, probe, tracker, publishers, lastRound, all.size(), f);
        }
        // Just after the restart: a cold server (its JIT has seen little), as the runs before 2026-12-06 measured.
        List<DefaultRegistryClient> afterRestart = Clients.start(o.registrationClients(), o.host(), o.port(), "bench-cold");
        Clients.warmUp(afterRestart, "bench." + o.label() + ".cold");
        registrationRound(o, probe, afterRestart, "cold", "after the restart").put(f, "");
    }

    /** Waits (at most {@code seconds}) until the session reports {@code expected} connections; returns the last count. */
    private static int awaitConnections(ServerProbe probe, int expected, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        int n;
        while ((n = probe.connections()) != expected && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        return n;
    }

    private static void subscribe(LoadOptions o, List<DefaultRegistryClient> subClients, PushTracker tracker, Figures f)
            throws InterruptedException {
        List<Register> subscribers = new ArrayList<>();
        long began = System.nanoTime();
        for (int id = 0; id < o.ids(); id++) {
            for (int s = 0; s < subClients.size(); s++) {
                subscribers.add(subClients.get(s).register(new SubscriberRegistration(dataId(id),
                        tracker.observer(s, id))));
            }
        }
        long[] acked = Clients.awaitAcknowledged(subscribers, began, TimeUnit.SECONDS.toNanos(300));
        long last = acked.length == 0 ? 0 : acked[acked.length - 1];
        System.out.printf("%d/%d subscriptions acknowledged in %d ms%n", acked.length, subscribers.size(),
                TimeUnit.NANOSECONDS.toMillis(last));
        f.put("subscriptions", acked.length + "/" + subscribers.size());
        f.put("sub.acked.per.s", acked.length / (last / 1e9));
    }

    private static List<Publisher> publish(LoadOptions o, List<DefaultRegistryClient> pubClients, PushTracker tracker,
            Figures f) throws InterruptedException {
        List<Publisher> publishers = new ArrayList<>();
        long began = System.nanoTime();
        for (int id = 0; id < o.ids(); id++) {
            publishers.add(pubClients.get(id % pubClients.size()).register(new PublisherRegistration(dataId(id)),
                    PushTracker.value(0, id)));
        }
        long[] acked = Clients.awaitAcknowledged(publishers, began, TimeUnit.SECONDS.toNanos(300));
        System.out.printf("%d/%d publishers acknowledged in %d ms%n", acked.length, publishers.size(),
                TimeUnit.NANOSECONDS.toMillis(acked.length == 0 ? 0 : acked[acked.length - 1]));
        f.put("publishers", acked.length + "/" + publishers.size());
        awaitRound(tracker, 0);
        f.put("initial.fanout.ms", (System.nanoTime() - began) / 1e6);
        return publishers;
    }

    /**
     * Rounds {@code first .. first+count-1}: each publisher republishes once, the changes spread evenly over
     * {@code spreadMillis} (0: all at once); each round waits until every pair has it (at most 60 s). Returns the
     * change -> subscriber and change -> all its subscribers latencies of all these rounds.
     */
    private static Percentiles[] rounds(List<Publisher> publishers, PushTracker tracker, int first, int count,
            int spreadMillis, String name) throws InterruptedException {
        List<Long> pairs = new ArrayList<>();
        List<Long> alls = new ArrayList<>();
        long step = TimeUnit.MILLISECONDS.toNanos(spreadMillis) / publishers.size();
        for (int r = first; r < first + count; r++) {
            long began = System.nanoTime();
            for (int id = 0; id < publishers.size(); id++) {
                if (step > 0) {
                    LockSupport.parkNanos(began + id * step - System.nanoTime());
                }
                publishers.get(id).republish(PushTracker.value(r, id));
            }
            int got = awaitRound(tracker, r);
            Percentiles p = new Percentiles(tracker.pairLatencies(r));
            Percentiles a = new Percentiles(tracker.allSubscriberLatencies(r));
            System.out.printf("%s round %d: %d/%d pairs; change -> subscriber %s; change -> all subscribers %s%n", name,
                    r, got, tracker.pairs(), p.describe(), a.describe());
            for (long l : tracker.pairLatencies(r)) {
                pairs.add(l);
            }
            for (long l : tracker.allSubscriberLatencies(r)) {
                alls.add(l);
            }
            Thread.sleep(1000);
        }
        Percentiles p = new Percentiles(pairs.stream().mapToLong(Long::longValue).toArray());
        Percentiles a = new Percentiles(alls.stream().mapToLong(Long::longValue).toArray());
        System.out.printf("%s rounds, change -> subscriber: %s%n", name, p.describe());
        System.out.printf("%s rounds, change -> all its subscribers: %s%n", name, a.describe());
        return new Percentiles[] {p, a};
    }

    private static int awaitRound(PushTracker tracker, int round) throws InterruptedException {
        long deadline = System.nanoTime() + ROUND_TIMEOUT;
        while (tracker.arrived(round) < tracker.pairs() && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
        return tracker.arrived(round);
    }

    private static void restart(LoadOptions o, ServerProbe probe, PushTracker tracker, List<Publisher> publishers,
            int lastRound, int clients, Figures f)
            throws Exception {
        long oldPid = probe.pid();
        ReconnectWatch reconnects = ReconnectWatch.start(probe, clients);
        long issued = System.nanoTime();
        int stop = ServerProbe.run(o.stopCommand(), o.commandLog());
        long stopped = System.nanoTime();
        if (o.restartWithChange()) {
            // The others kept serving: a change made now must reach every subscriber, wherever it is connected.
            int change = lastRound + 1;
            tracker.armHeal(stopped, change);
            for (int id = 0; id < publishers.size(); id++) {
                publishers.get(id).republish(PushTracker.value(change, id));
            }
        } else {
            // Only callbacks after the old process is gone can come from the restarted server.
            tracker.armHeal(stopped, lastRound);
        }
        int start = ServerProbe.run(o.startCommand(), o.commandLog());
        long started = System.nanoTime();
        System.out.printf("restart: stop exited %d after %d ms (pid %d), start exited %d after %d ms (pid %d)%n", stop,
                TimeUnit.NANOSECONDS.toMillis(stopped - issued), oldPid, start,
                TimeUnit.NANOSECONDS.toMillis(started - stopped), probe.pid());
        if (stop != 0 || start != 0) {
            reconnects.close();
            // A restart that did not happen would be measured as one that healed at once.
            System.out.printf("restart FAILED: stop exited %d, start exited %d (see %s); no restart figure%n", stop,
                    start, o.commandLog());
            f.put("restart.failed", "stop exited " + stop + ", start exited " + start);
            return;
        }
        f.put("restart.stop.ms", (stopped - issued) / 1e6);
        f.put("restart.start.ms", (started - stopped) / 1e6);

        long deadline = started + TimeUnit.SECONDS.toNanos(o.healTimeoutSeconds());
        long connectionsBack = -1;
        while (System.nanoTime() < deadline && (tracker.healed() < tracker.pairs() || connectionsBack < 0)) {
            if (connectionsBack < 0 && probe.connections() >= clients) {
                connectionsBack = System.nanoTime();
            }
            Thread.sleep(tracker.healed() < tracker.pairs() ? 5 : 100);
        }
        reconnects.close();
        long reconnected = reconnects.backAt();
        long last = tracker.lastHealed();
        long first = tracker.firstHealed();
        System.out.printf("restart: %d/%d pairs got %s; first %s ms, last %s ms after the stop was issued; %d empty"
                + " callbacks in between%n", tracker.healed(), tracker.pairs(), o.restartWithChange()
                        ? "the change made as the stop returned" : "the last value again from the restarted server",
                first < 0 ? "-" : String.valueOf((first - issued) / 1_000_000),
                last < 0 ? "-" : String.valueOf((last - issued) / 1_000_000), tracker.emptyAfterRestart());
        f.put("restart.connections.ms", connectionsBack < 0 ? "not all back" : (connectionsBack - issued) / 1e6);
        f.put("restart.reconnected.ms", reconnected < 0 ? (reconnects.sawDrop() ? "not all back" : "-")
                : (reconnected - issued) / 1e6);
        f.put("restart.heal.ms", last < 0 ? "not healed in " + o.healTimeoutSeconds() + " s" : (last - issued) / 1e6);
        f.put("restart.heal.after.stop.ms", last < 0 ? "-" : (last - stopped) / 1e6);
        f.put("restart.heal.after.start.ms", last < 0 ? "-" : (last - started) / 1e6);
        f.put("restart.healed", tracker.healed() + "/" + tracker.pairs());
    }

    /**
     * {@code --registration-only}: rounds through the same new clients on a server that has seen nothing else; the
     * first round's rate is the cold figure, the last round's the warm one.
     */
    private static void registrationOnly(LoadOptions o, ServerProbe probe, Figures f) throws InterruptedException {
        List<DefaultRegistryClient> clients = Clients.start(o.registrationClients(), o.host(), o.port(), "bench-reg");
        Clients.warmUp(clients, "bench." + o.label() + ".reg");
        for (int round = 1; round <= o.registrationRounds(); round++) {
            Round r = registrationRound(o, probe, clients, "only" + round, "round " + round);
            if (round == 1) {
                r.put(f, "");
            }
            if (round == o.registrationRounds()) {
                r.put(f, ".warm");
            }
        }
    }

    /**
     * {@link LoadOptions#registrations()} publishers on new dataInfoIds ({@code idPrefix}) spread over {@code clients},
     * until all are acknowledged. A server may finish a registration after acknowledging it (Weft's session stores it
     * at a data server then), so the server CPU a registration costs is taken until {@link #SETTLE_MILLIS} after the
     * last acknowledgement; the rate and the cores are those of the round itself.
     */
    private static Round registrationRound(LoadOptions o, ServerProbe probe, List<DefaultRegistryClient> clients,
            String idPrefix, String name) throws InterruptedException {
        List<Register> publishers = new ArrayList<>();
        long serverCpu = probe.cpuMillis();
        long ownCpu = ownCpuMillis();
        long began = System.nanoTime();
        for (int i = 0; i < o.registrations(); i++) {
            publishers.add(clients.get(i % clients.size()).register(new PublisherRegistration(
                    "io.weft.bench.Registration." + idPrefix + "." + i + ":1.0"), "10.0.0.1:12200?i=" + i));
        }
        long[] acked = Clients.awaitAcknowledged(publishers, began, TimeUnit.SECONDS.toNanos(300));
        long lastAck = acked.length == 0 ? 0 : acked[acked.length - 1];
        double millis = (System.nanoTime() - began) / 1e6;
        double serverCores = (probe.cpuMillis() - serverCpu) / millis;
        double loadCores = (ownCpuMillis() - ownCpu) / millis;
        Thread.sleep(SETTLE_MILLIS);
        double serverPerRegistration = (probe.cpuMillis() - serverCpu) / (double) Math.max(1, acked.length);
        Round round = new Round(acked.length + "/" + publishers.size(), acked.length / (lastAck / 1e9), lastAck / 1e6,
                serverCores, loadCores, serverPerRegistration);
        System.out.printf("registrations, %s: %s acknowledged in %.0f ms on %d clients, %.0f/s; CPU: server %.2f cores,"
                + " load JVM %.2f cores; server CPU a registration %.3f ms (session reports %d connections)%n", name,
                round.registered(), round.allMillis(), clients.size(), round.perSecond(), serverCores, loadCores,
                serverPerRegistration, probe.connections());
        return round;
    }

    /** One registration round's figures. */
    private record Round(String registered, double perSecond, double allMillis, double serverCores, double loadCores,
            double serverMillisPerRegistration) {

        void put(Figures f, String suffix) {
            f.put("registrations" + suffix, registered);
            f.put("pub.acked.per.s" + suffix, perSecond);
            f.put("pub.acked.all.ms" + suffix, allMillis);
            f.put("server.cpu.cores.registration" + suffix, serverCores);
            f.put("load.cpu.cores.registration" + suffix, loadCores);
            f.put("server.cpu.ms.per.registration" + suffix, serverMillisPerRegistration);
        }
    }

    /** CPU time this load JVM used so far, ms: the clients share the machine's cores with the server. */
    private static long ownCpuMillis() {
        return ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toMillis).orElse(-1L);
    }

    private static String dataId(int id) {
        return "io.weft.bench.Service" + id + ":1.0";
    }
}
