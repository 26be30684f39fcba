package io.weft.itest.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.weft.itest.support.ClusterLoad;
import io.weft.itest.support.Http;
import io.weft.itest.support.RegistryNodes;
import io.weft.itest.support.PinnedDiscovery;
import io.weft.itest.support.WeftNode;
import io.weft.registry.session.realclient.RealClients;

/**
 * The ops guide's registry chapter (seed §12) walked by an operator against a Weft cluster of seven processes on this
 * machine (3 meta, 2 data, 2 session, as {@code bin/registry-cluster} starts them, on test ports) under a small load
 * of unmodified {@code registry-client-all} clients. Every step is a plain HTTP call to the seed's ops endpoints or a
 * clean {@code bin/weft stop} / {@code start} of one node, in the guide's order: close push, save the scene, release
 * meta → data → session one node at a time, close push once more after the metas, compare the counts, open push;
 * then replace a meta with {@code changePeer}. The answers and the time each step took are printed (time is not
 * asserted: the machine may be busy); docs/registry.md copies the answers.
 */
class RegistryReleaseWalkTest {

    private static final Duration AWAIT = Duration.ofSeconds(120);
    private static final String GROUP = "SOFA";
    private static final int SERVICES = 10;
    private static final int PUBLISHERS = 4;
    private static final int SUBSCRIBERS = 2;
    /** How long the walk watches the subscribers for a push that must not come while push is closed. */
    private static final Duration QUIET = Duration.ofSeconds(5);

    /** The replacement meta's "new IP": another loopback address, so its cluster ports can be the old ones. */
    private static final String NEW_IP = "127.0.0.2";

    private static final ObjectMapper JSON = new ObjectMapper();
    /** When the class was loaded: the origin of the times printed for steps and callbacks. */
    private static final long STARTED = System.nanoTime();

    private final List<WeftNode> nodes = new ArrayList<>();

    @AfterEach
    void stopAll() {
        WeftNode.closeAll(nodes);
    }

    @Test
    @DisplayName("REG-44, REG-45, REG-46, REG-61, REG-62, REG-79, REG-80, REG-81, REG-82, REG-83, REG-86, REG-87,"
            + " REG-88: the seed's release walk on 3 meta + 2 data + 2 session nodes under 4 publishers x 10 services"
            + " and 2 subscribers: push closed on a meta and seen closed on every meta and session; the scene saved;"
            + " a change made while closed reaches no subscriber; metas, data servers and sessions released one node"
            + " at a time in that order with the switch still closed; counts back to the scene; push opened and"
            + " every subscriber converges; a meta replaced with changePeer and the cluster keeps working")
    void operatorWalksTheReleaseChapter() throws Exception {
        long started = System.nanoTime();
        List<WeftNode> metas = new ArrayList<>(List.of(node("meta-1"), node("meta-2"), node("meta-3")));
        List<WeftNode> datas = List.of(node("data-1"), node("data-2"));
        WeftNode sessionA = node("session-a");
        WeftNode sessionB = node("session-b");
        List<WeftNode> sessions = List.of(sessionA, sessionB);
        // The default session lease (30 s), as bin/registry-cluster runs: a shorter one is lost to a busy machine.
        RegistryNodes.formCluster(metas, datas, sessions, Map.of());
        await("a meta leader", () -> RegistryNodes.leaderOf(metas));
        for (WeftNode data : datas) {
            awaitTrue("data server " + data.home() + " to WORK", () -> toWorkCount(data) >= 1);
        }
        awaitServersListed(metas, datas, sessions);
        print("7 nodes up, cluster formed", started);

        try (RealClients clients = new RealClients();
             PinnedDiscovery toA = new PinnedDiscovery(sessionA.registryPorts().sessionClient());
             PinnedDiscovery toB = new PinnedDiscovery(sessionB.registryPorts().sessionClient())) {
            long step = System.nanoTime();
            ClusterLoad load = new ClusterLoad(clients, toA.port(), toB.port(), PUBLISHERS, SERVICES, SUBSCRIBERS,
                    "com.example.WalkService", "walk", AWAIT);
            load.publishRound(1);
            load.awaitConverged(1, "every subscriber has every publisher of every service");
            awaitTrue("both sessions count their clients' registrations", () -> sessionSum("pub") == PUBLISHERS * SERVICES
                    && sessionSum("sub", sessions) == SUBSCRIBERS * SERVICES);
            print(load + " registered and pushed", step);

            // REG-80 pre-operation: close push on any one meta (a follower names the leader), verify everywhere.
            step = System.nanoTime();
            Http.Response closed = pushSwitchOn(metas, "/stopPushDataSwitch/open");
            assertEquals(200, closed.status(), closed.body());
            assertTrue(closed.body().startsWith("{\"success\":true"), closed.body());
            awaitPushSwitch(metas, sessions, false);
            show("meta  GET /digest/pushSwitch", RegistryNodes.metaOps(metas.get(0)).get("/digest/pushSwitch"));
            show("session GET /digest/pushSwitch", RegistryNodes.sessionOps(sessionA).get("/digest/pushSwitch"));
            print("REG-80 push closed, seen closed on 3 metas and 2 sessions", step);

            // REG-81 save the scene: connections and pub/sub counts per session, pub count per data server. Once each
            // publication is on its slot's leader and its follower: a scene saved while replication is still on its
            // way would not be the one the cluster comes back to.
            step = System.nanoTime();
            awaitTrue("every publication on its leader and its follower",
                    () -> dataSum("leaderPub", datas) == PUBLISHERS * SERVICES
                            && dataSum("pub", datas) == 2 * PUBLISHERS * SERVICES,
                    () -> datas.stream().map(d -> RegistryNodes.dataOps(d).get("/digest/datum/count").body()).toList()
                            .toString());
            show("session GET /connections/query", RegistryNodes.sessionOps(sessionA).get("/connections/query"));
            show("session GET /digest/data/count", RegistryNodes.sessionOps(sessionA).get("/digest/data/count"));
            show("data  GET /digest/datum/count", RegistryNodes.dataOps(datas.get(0)).get("/digest/datum/count"));
            Scene before = scene(sessions, datas);
            System.out.println("[registry release walk] scene before: " + before);
            assertEquals(PUBLISHERS + SUBSCRIBERS, before.connections(), "one connection per client");
            assertEquals(PUBLISHERS * SERVICES, before.sessionPub());
            assertEquals(SUBSCRIBERS * SERVICES, before.sessionSub());
            assertEquals(before.sessionPub(), before.dataLeaderPub(),
                    "the data servers lead every publication the sessions hold, once");
            print("REG-81 scene saved", step);

            // REG-61: push is closed, so a change reaches no subscriber: they keep their cache.
            step = System.nanoTime();
            List<Integer> markClosed = load.mark();
            load.publishRound(2);
            Thread.sleep(QUIET.toMillis());
            assertEquals(List.of(), load.newValuesSince(markClosed, 1, STARTED), "no subscriber got a push while push was closed");
            assertTrue(load.nobodyHas(2), "no subscriber has a value published while push was closed");
            print("REG-61 change while closed: no subscriber got it (" + QUIET.toSeconds() + " s)", step);

            // REG-79: meta servers first, one at a time; each healthy, with a leader, before the next.
            for (WeftNode meta : metas) {
                step = System.nanoTime();
                restart(meta);
                awaitTrue("meta " + meta.home() + " healthy in the group", () -> {
                    Http.Response health = RegistryNodes.metaOps(meta).get("/health/check");
                    return health.ok() && health.body().contains("\"success\":true")
                            && (health.body().contains("raftStatus:Leader") || health.body().contains("raftStatus:Follower"));
                });
                await("a meta leader", () -> RegistryNodes.leaderOf(metas));
                print("REG-79/86 meta " + (metas.indexOf(meta) + 1) + " restarted, healthy, leader present", step);
            }
            show("meta  GET /health/check", RegistryNodes.metaOps(metas.get(0)).get("/health/check"));
            awaitServersListed(metas, datas, sessions);

            // REG-82: the switch survived the meta release; the close is sent once more and still holds.
            step = System.nanoTime();
            // A member just restarted may answer before it has applied the group's latest entries: wait for that.
            for (WeftNode meta : metas) {
                awaitTrue("push still closed on restarted meta " + meta.home(), () -> RegistryNodes.metaOps(meta)
                        .get("/digest/pushSwitch").body().contains("\"stopPushDataSwitch\":true"));
            }
            Http.Response closedAgain = pushSwitchOn(metas, "/stopPushDataSwitch/open");
            assertTrue(closedAgain.ok() && closedAgain.body().startsWith("{\"success\":true"), closedAgain.body());
            awaitPushSwitch(metas, sessions, false);
            print("REG-82 push close sent again after the metas, still closed everywhere", step);

            // REG-79: then the data servers, one at a time, each back to WORK and holding its data before the next.
            for (WeftNode data : datas) {
                step = System.nanoTime();
                int works = toWorkCount(data);
                Http dataOps = RegistryNodes.dataOps(data);
                restart(data);
                awaitTrue("data server " + data.home() + " to WORK again", () -> toWorkCount(data) > works);
                awaitTrue("data server " + data.home() + " healthy", () -> dataOps.get("/health/check").ok());
                awaitServersListed(metas, datas, sessions);
                awaitTrue("the data servers lead every publication again",
                        () -> dataSum("leaderPub", datas) == PUBLISHERS * SERVICES
                                && dataSum("pub", datas) == before.dataPub(),
                        () -> datas.stream().map(d -> RegistryNodes.dataOps(d).get("/digest/datum/count").body()).toList().toString());
                print("REG-79/87 data " + (datas.indexOf(data) + 1) + " restarted, to WORK, its data back", step);
            }
            show("data  GET /health/check", RegistryNodes.dataOps(datas.get(0)).get("/health/check"));

            // REG-79: then the sessions. A stopped session's clients are sent to the other one (the discovery in
            // front of the sessions names only the live one) and replay their registrations there; after the
            // restart they stay where they are.
            step = System.nanoTime();
            restartSession(sessionA, toA, List.of(), sessionB, metas, datas, sessions);
            print("REG-79/88 session A restarted, its clients on session B", step);
            step = System.nanoTime();
            restartSession(sessionB, toB, List.of(toA), sessionA, metas, datas, sessions);
            print("REG-79/88 session B restarted, every client on session A", step);
            show("session GET /health/check", RegistryNodes.sessionOps(sessionA).get("/health/check"));

            // REG-83: the counts come back to the scene; data side and session side agree.
            step = System.nanoTime();
            awaitTrue("the counts back to the scene", () -> scene(sessions, datas).equals(before),
                    () -> scene(sessions, datas).toString());
            Scene after = scene(sessions, datas);
            System.out.println("[registry release walk] scene after:  " + after);
            assertEquals(before, after);
            assertEquals(after.sessionPub(), after.dataLeaderPub());
            // The client itself calls its subscribers back with its cache once its periodic SyncConfigRequest (RCP-9)
            // first sets the data centers: the same values, no push. No other value may have reached any of them.
            assertEquals(List.of(), load.newValuesSince(markClosed, 1, STARTED),
                    "the whole release went by while push was closed: no subscriber saw anything but its cache");
            assertTrue(load.nobodyHas(2), "no subscriber has a value published while push was closed");
            System.out.println("[registry release walk] callbacks while push was closed (the clients' own, from their"
                    + " caches): " + load.callbacksSince(markClosed, STARTED).size());
            print("REG-83 counts equal to the scene, data side = session side", step);

            // REG-80 post-operation: open push on a meta, verify, and every subscriber gets the latest values.
            step = System.nanoTime();
            Http.Response opened = pushSwitchOn(metas, "/stopPushDataSwitch/close");
            assertTrue(opened.ok() && opened.body().startsWith("{\"success\":true"), opened.body());
            awaitPushSwitch(metas, sessions, true);
            show("session GET /digest/pushSwitch", RegistryNodes.sessionOps(sessionA).get("/digest/pushSwitch"));
            print("REG-80 push opened, seen open on 3 metas and 2 sessions", step);
            load.awaitConverged(2, "every subscriber has the change made while push was closed");
            assertEquals(List.of(), load.incompleteSince(markClosed),
                    "no subscriber was ever pushed a list missing a publisher");
            print("REG-80 every subscriber has the change made while closed", step);

            // REG-46 with REG-44/45: meta 3 is gone for good; meta 4, on new ports, replaces it with changePeer.
            step = System.nanoTime();
            WeftNode meta3 = metas.get(2);
            stop(meta3);
            List<WeftNode> remaining = List.of(metas.get(0), metas.get(1));
            WeftNode leader = await("a leader among meta 1 and 2", () -> RegistryNodes.leaderOf(remaining));
            show("leader GET /manage/queryPeer", RegistryNodes.metaOps(leader).get("/manage/queryPeer"));
            // Meta 4 comes on a new IP, 127.0.0.2, serving the same cluster ports as meta 1 (as every meta serves 9610
            // and 9611 in the seed's layout); its raft port is its own. The servers keep their configured metaServers.
            WeftNode meta4 = node("meta-4");
            List<WeftNode> newGroup = List.of(metas.get(0), metas.get(1), meta4);
            String ipAddressList = metas.stream().limit(2).map(m -> "127.0.0.1:" + m.registryPorts().metaRaft())
                    .collect(Collectors.joining(",")) + "," + NEW_IP + ":" + meta4.registryPorts().metaRaft();
            meta4.roles("registry-meta");
            meta4.configure("io.weft.registry.meta", Map.of("peers", ipAddressList, "nodeTimeoutMillis", "6000",
                    "bindAddress", NEW_IP, "advertisedHost", NEW_IP,
                    "sessionPort", String.valueOf(metas.get(0).registryPorts().metaSession()),
                    "dataPort", String.valueOf(metas.get(0).registryPorts().metaData())));
            // Started without waiting for health: a new member is healthy only once the group has taken it in.
            WeftNode.Result start4 = meta4.weft("start");
            assertEquals(0, start4.exitStatus(), start4.output());
            print("REG-46 meta 3 stopped for good, meta 4 started on new ports", step);

            step = System.nanoTime();
            Http.Response changed = RegistryNodes.metaOps(leader).postForm("/manage/changePeer", Map.of("ipAddressList", ipAddressList));
            System.out.println("[registry release walk] POST /manage/changePeer ipAddressList=" + ipAddressList);
            show("leader POST /manage/changePeer", changed);
            assertEquals(200, changed.status(), changed.body());
            assertEquals("{\"success\":true,\"message\":null}", changed.body());
            long changedAt = System.currentTimeMillis();
            Http.Response queried = RegistryNodes.metaOps(leader).get("/manage/queryPeer");
            show("leader GET /manage/queryPeer", queried);
            for (String member : ipAddressList.split(",")) {
                assertTrue(queried.body().contains(member), queried.body());
            }
            assertFalse(queried.body().contains(":" + meta3.registryPorts().metaRaft() + "\""), queried.body());
            awaitTrue("meta 4 healthy in the group", () -> {
                Http.Response health = RegistryNodes.metaOps(meta4).get("/health/check");
                return health.ok() && (health.body().contains("raftStatus:Follower")
                        || health.body().contains("raftStatus:Leader"));
            });
            show("meta4 GET /health/check", RegistryNodes.metaOps(meta4).get("/health/check"));
            show("meta4 GET /digest/meta/node/query", RegistryNodes.metaOps(meta4).get("/digest/meta/node/query"));
            print("REG-45 changePeer done, queryPeer lists the new set, meta 4 in the group", step);

            step = System.nanoTime();
            WeftNode newLeader = await("the leader of the new group", () -> RegistryNodes.leaderOf(newGroup));
            awaitTrue("every data and session server heartbeats to the leader after changePeer",
                    () -> renewedSince(RegistryNodes.metaOps(newLeader), "/digest/data/node/query", addresses(datas, true), changedAt)
                            && renewedSince(RegistryNodes.metaOps(newLeader), "/digest/session/node/query", addresses(sessions, false),
                                    changedAt));
            show("leader GET /digest/session/node/query", RegistryNodes.metaOps(newLeader).get("/digest/session/node/query"));
            System.out.println("[registry release walk] leader after changePeer: meta "
                    + (newLeader == meta4 ? "4 (new)" : (metas.indexOf(newLeader) + 1)));
            load.publishRound(3);
            load.awaitConverged(3, "every subscriber has the change made after changePeer");
            print("REG-46 servers heartbeat after changePeer, a change reaches every subscriber", step);
        }
        print("whole walk", started);
    }

    // ---- the walk's steps

    /** A clean stop ({@code bin/weft stop}, by PID) and a start that waits for the node's health. */
    private static void restart(WeftNode node) throws Exception {
        stop(node);
        node.start();
    }

    private static void stop(WeftNode node) throws Exception {
        WeftNode.Result stop = node.weft("stop");
        assertEquals(0, stop.exitStatus(), stop.output());
        assertTrue(WeftNode.await(AWAIT, () -> !node.isAlive()), "node " + node.home() + " still running");
    }

    /**
     * Stops {@code session}; the discoveries that named it ({@code own} and {@code alsoNaming}) now name {@code other},
     * whose counts grow to every client's registrations; then starts {@code session} again and waits until it is
     * healthy and listed by the meta leader.
     */
    private void restartSession(WeftNode session, PinnedDiscovery own, List<PinnedDiscovery> alsoNaming,
            WeftNode other, List<WeftNode> metas, List<WeftNode> datas, List<WeftNode> sessions) throws Exception {
        stop(session);
        own.pin(other.registryPorts().sessionClient());
        alsoNaming.forEach(d -> d.pin(other.registryPorts().sessionClient()));
        Http otherOps = RegistryNodes.sessionOps(other);
        awaitTrue("every client re-registered on " + other.home(),
                () -> count(otherOps, "/digest/data/count", "pub") == PUBLISHERS * SERVICES
                        && count(otherOps, "/digest/data/count", "sub") == SUBSCRIBERS * SERVICES);
        session.start();
        awaitTrue("session " + session.home() + " healthy", () -> RegistryNodes.sessionOps(session).get("/health/check").ok());
        awaitServersListed(metas, datas, sessions);
        awaitTrue("the restarted session sees push closed",
                () -> RegistryNodes.sessionOps(session).get("/digest/pushSwitch").body().contains("\"stopPush\":true"));
    }

    /**
     * Sends a push switch change as an operator does: to meta 1 ("any one meta"); a follower answers 503 naming the
     * leader, and the request goes to the leader's ops port then.
     */
    private static Http.Response pushSwitchOn(List<WeftNode> metas, String path) throws InterruptedException {
        Http.Response first = RegistryNodes.metaOps(metas.get(0)).get(path);
        System.out.println("[registry release walk] meta 1 GET " + path + " -> " + first.status() + " " + first.body());
        if (first.ok()) {
            return first;
        }
        WeftNode leader = await("a meta leader", () -> RegistryNodes.leaderOf(metas));
        Http.Response answer = RegistryNodes.metaOps(leader).get(path);
        System.out.println("[registry release walk] leader meta " + (metas.indexOf(leader) + 1) + " GET " + path
                + " -> " + answer.status() + " " + answer.body());
        return answer;
    }

    private static void awaitPushSwitch(List<WeftNode> metas, List<WeftNode> sessions, boolean open)
            throws InterruptedException {
        for (WeftNode meta : metas) {
            awaitTrue("meta " + meta.home() + " reports push " + (open ? "open" : "closed"), () -> RegistryNodes.metaOps(meta)
                    .get("/digest/pushSwitch").body().contains("\"stopPushDataSwitch\":" + !open));
        }
        for (WeftNode session : sessions) {
            awaitTrue("session " + session.home() + " reports push " + (open ? "open" : "closed"), () -> RegistryNodes.sessionOps(session)
                    .get("/digest/pushSwitch").body().contains("\"stopPush\":" + !open));
        }
    }

    private static void awaitServersListed(List<WeftNode> metas, List<WeftNode> datas, List<WeftNode> sessions)
            throws InterruptedException {
        awaitTrue("every data and session server listed by the meta leader", () -> {
            WeftNode leader = RegistryNodes.leaderOf(metas);
            if (leader == null) {
                return false;
            }
            String data = RegistryNodes.metaOps(leader).get("/digest/data/node/query").body();
            String session = RegistryNodes.metaOps(leader).get("/digest/session/node/query").body();
            return addresses(datas, true).stream().allMatch(data::contains)
                    && addresses(sessions, false).stream().allMatch(session::contains);
        });
    }

    private static List<String> addresses(List<WeftNode> servers, boolean data) {
        return servers.stream().map(s -> "127.0.0.1:"
                + (data ? s.registryPorts().dataSession() : s.registryPorts().sessionClient())).toList();
    }

    /** Whether the leader's node list has each address with a renewal at or after {@code sinceMillis}. */
    private static boolean renewedSince(Http leader, String path, List<String> addresses, long sinceMillis) {
        try {
            JsonNode listed = JSON.readTree(leader.get(path).body());
            return addresses.stream().allMatch(a -> listed.path(a).path("lastRenewalMillis").asLong(0) >= sinceMillis);
        } catch (java.io.IOException e) {
            return false;
        }
    }

    // ---- the scene (REG-81, REG-83)

    /**
     * The counts an operator saves: client connections, Pub and Sub of the sessions, and the data servers' Pub (every
     * copy a server holds) and leaderPub (the publications of the slots it leads, each once in the cluster).
     */
    private record Scene(int connections, int sessionPub, int sessionSub, int dataPub, int dataLeaderPub) {
    }

    private Scene scene(List<WeftNode> sessions, List<WeftNode> datas) {
        int connections = 0;
        for (WeftNode session : sessions) {
            try {
                connections += JSON.readTree(RegistryNodes.sessionOps(session).get("/connections/query").body()).size();
            } catch (java.io.IOException e) {
                connections = -1000;
            }
        }
        return new Scene(connections, sessionSum("pub", sessions), sessionSum("sub", sessions), dataSum("pub", datas),
                dataSum("leaderPub", datas));
    }

    private int sessionSum(String field) {
        return sessionSum(field, nodes.stream().filter(n -> n.home().getFileName().toString()
                .startsWith("registry-walk-session")).toList());
    }

    private static int sessionSum(String field, List<WeftNode> sessions) {
        return sessions.stream().mapToInt(s -> count(RegistryNodes.sessionOps(s), "/digest/data/count", field)).sum();
    }

    private static int dataSum(String field, List<WeftNode> datas) {
        return datas.stream().mapToInt(d -> count(RegistryNodes.dataOps(d), "/digest/datum/count", field)).sum();
    }

    /** A number field of an ops JSON answer such as {@code {"pub":3,"sub":2}}; -1000 when absent. */
    private static int count(Http ops, String path, String field) {
        String body = ops.get(path).body();
        Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*(\\d+)").matcher(body);
        return m.find() ? Integer.parseInt(m.group(1)) : -1000;
    }

    private static int toWorkCount(WeftNode data) {
        Matcher m = Pattern.compile("to WORK").matcher(data.log("registry/data/registry-data.log"));
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    // ---- nodes

    private WeftNode node(String name) throws Exception {
        WeftNode node = WeftNode.create("registry-walk-" + name);
        nodes.add(node);
        return node;
    }

    private static <T> T await(String what, Supplier<T> found) throws InterruptedException {
        return WeftNode.awaitFound(AWAIT, what, found);
    }

    private static void awaitTrue(String what, BooleanSupplier condition) throws InterruptedException {
        awaitTrue(what, condition, () -> "");
    }

    /** @param detail what the failure message adds, e.g. the counts last seen */
    private static void awaitTrue(String what, BooleanSupplier condition, Supplier<String> detail)
            throws InterruptedException {
        boolean met = WeftNode.await(AWAIT, () -> {
            try {
                return condition.getAsBoolean();
            } catch (RuntimeException e) {
                return false;
            }
        });
        if (!met) {
            String seen;
            try {
                seen = detail.get();
            } catch (RuntimeException e) {
                seen = e.toString();
            }
            throw new AssertionError("timed out waiting for " + what + (seen.isEmpty() ? "" : ": last seen " + seen));
        }
    }

    private static void print(String what, long sinceNanos) {
        System.out.printf("[registry release walk] %-70s %6d ms (at +%d ms)%n", what,
                (System.nanoTime() - sinceNanos) / 1_000_000, (System.nanoTime() - STARTED) / 1_000_000);
    }

    private static void show(String what, Http.Response answer) {
        System.out.println("[registry release walk] " + what + " -> " + answer.status() + " " + answer.body());
    }

}
