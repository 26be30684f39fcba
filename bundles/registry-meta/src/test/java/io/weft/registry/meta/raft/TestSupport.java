package io.weft.registry.meta.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/** Free loopback ports and bounded waits. */
public final class TestSupport {

    /** Bounds a broken run; no assertion depends on how fast anything is. */
    public static final long DEADLINE_SECONDS = 30;

    private TestSupport() {
    }

    public static List<Integer> freePorts(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                sockets.add(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
            }
            return sockets.stream().map(ServerSocket::getLocalPort).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (ServerSocket s : sockets) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // only probing for a free port
                }
            }
        }
    }

    /** A Bolt protocol 1 heartbeat on {@code socket} is answered: the connection was admitted and is served. */
    public static void assertAnswersHeartbeat(Socket socket, int requestId) throws IOException {
        byte[] heartbeat = ByteBuffer.allocate(22).put((byte) 1).put((byte) 1).putShort((short) 0).put((byte) 1)
                .putInt(requestId).put((byte) 1).putInt(3000).putShort((short) 0).putShort((short) 0).putInt(0)
                .array();
        socket.getOutputStream().write(heartbeat);
        byte[] answer = socket.getInputStream().readNBytes(20);
        assertEquals(20, answer.length, "a whole response header");
        assertEquals(0, answer[1], "a response");
        assertEquals(requestId, ByteBuffer.wrap(answer).getInt(5));
    }

    /**
     * Starts a group of three members on free loopback ports (no eviction) into {@code members} and waits until
     * one leads and a follower knows it. Returns {leader, that follower}; the caller closes the members.
     */
    public static MetaRaftNode[] startGroupOfThree(Path dir, List<MetaRaftNode> members) {
        List<Integer> ports = freePorts(3);
        List<String> peers = ports.stream().map(p -> "127.0.0.1:" + p).toList();
        for (int port : ports) {
            members.add(new MetaRaftNode(new MetaRaftOptions().port(port).initialPeers(peers)
                    .dataDir(dir.resolve("meta-" + port)).evictIntervalMillis(0)));
        }
        members.forEach(MetaRaftNode::start);
        await("one leader", () -> members.stream().filter(MetaRaftNode::isLeader).count() == 1);
        MetaRaftNode leader = members.stream().filter(MetaRaftNode::isLeader).findFirst().orElseThrow();
        MetaRaftNode follower = members.stream().filter(m -> m != leader).findFirst().orElseThrow();
        await("the follower knows the leader", () -> follower.leader().orElse("").equals(leader.self()));
        return new MetaRaftNode[] {leader, follower};
    }

    public static void await(String what, BooleanSupplier condition) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(DEADLINE_SECONDS);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                fail("never happened: " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted while waiting for " + what);
            }
        }
    }

    public static <T> T get(CompletableFuture<T> future) throws Exception {
        try {
            return future.get(DEADLINE_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        } catch (TimeoutException e) {
            throw new AssertionError("no answer within " + DEADLINE_SECONDS + " s", e);
        }
    }
}
