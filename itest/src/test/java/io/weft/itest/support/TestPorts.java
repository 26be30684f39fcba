package io.weft.itest.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports for the servers a test starts. A port the kernel hands out for {@code bind(0)} comes from the
 * ephemeral range, the same range every outgoing connection takes its local port from: between the
 * moment a test picks it and the moment the node binds it (seconds later), an outgoing connection of
 * the node itself, of a browser or of a database client may take it, and the node then cannot listen.
 * So ports come from below the ephemeral range, are checked free on 127.0.0.1, and are never handed
 * out twice by one test JVM.
 */
public final class TestPorts {

    private static final int LOWEST = 20_000;
    private static final Set<Integer> GIVEN = new HashSet<>();

    private TestPorts() {
    }

    /** A port free on 127.0.0.1 now, outside the ephemeral range, not given before by this JVM. */
    public static synchronized int next() throws IOException {
        int highest = ephemeralLow() - 1;
        if (highest - LOWEST < 1_000) {
            return kernelPicked();
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int attempt = 0; attempt < 1_000; attempt++) {
            int port = LOWEST + random.nextInt(highest - LOWEST + 1);
            if (!GIVEN.contains(port) && free(port)) {
                GIVEN.add(port);
                return port;
            }
        }
        return kernelPicked();
    }

    /**
     * Two consecutive ports, {@code p} and {@code p + 1}, both free now and not given before: for a data server,
     * whose peers find its replication port next to its session port.
     */
    public static synchronized int nextPair() throws IOException {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int highest = Math.max(LOWEST + 1_000, ephemeralLow() - 2);
        for (int attempt = 0; attempt < 1_000; attempt++) {
            int port = LOWEST + random.nextInt(highest - LOWEST + 1);
            if (!GIVEN.contains(port) && !GIVEN.contains(port + 1) && free(port) && free(port + 1)) {
                GIVEN.add(port);
                GIVEN.add(port + 1);
                return port;
            }
        }
        throw new IOException("no two consecutive free ports found above " + LOWEST);
    }

    private static int kernelPicked() throws IOException {
        while (true) {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                int port = socket.getLocalPort();
                if (GIVEN.add(port)) {
                    return port;
                }
            }
        }
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The first port of Linux's ephemeral range, or 32768 (its default) when it cannot be read. */
    private static int ephemeralLow() {
        try {
            String range = Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).trim();
            return Integer.parseInt(range.split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return 32_768;
        }
    }
}
