package io.weft.itest.sofarpc;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import io.weft.itest.sofarpc.app.EchoConsumer;
import io.weft.itest.support.WeftNode;

/**
 * The test's view of the {@link EchoConsumer} process: what its SOFARPC address list holds (with each provider's
 * weight) and who answers its calls.
 */
final class SofaRpcConsumer implements AutoCloseable {

    private static final String PROVIDERS = "PROVIDERS ";
    private static final String CALLS = "CALLS ";

    private final SofaRpcJvm jvm;
    private final Duration timeout;

    private SofaRpcConsumer(SofaRpcJvm jvm, Duration timeout) {
        this.jvm = jvm;
        this.timeout = timeout;
    }

    static SofaRpcConsumer start(String registryAddress, Duration timeout) throws IOException {
        return new SofaRpcConsumer(SofaRpcJvm.start("consumer", EchoConsumer.class, registryAddress), timeout);
    }

    /** A change of the address list seen by the consumer: when (its clock, epoch ms) and {@code host:port -> weight}. */
    record AddressList(long atMillis, Map<String, Integer> weights) {
    }

    /**
     * Waits until the consumer's latest address list is exactly {@code expected} ({@code host:port -> weight}) and
     * answers that change, with the time the consumer saw it.
     */
    AddressList awaitProviders(Map<String, Integer> expected) throws InterruptedException {
        AddressList[] latest = new AddressList[1];
        boolean seen = WeftNode.await(timeout, () -> {
            latest[0] = jvm.last(l -> l.startsWith(PROVIDERS)).map(SofaRpcConsumer::parse).orElse(null);
            return latest[0] != null && latest[0].weights().equals(expected);
        });
        if (!seen) {
            throw new AssertionError("the consumer's address list did not become " + expected + ", last: "
                    + (latest[0] == null ? "none" : latest[0].weights()));
        }
        return latest[0];
    }

    /** Makes {@code n} Bolt calls; who answered how often ({@code error} for failed calls). */
    Map<String, Integer> call(int n) throws IOException, InterruptedException {
        int mark = jvm.mark();
        jvm.send("CALL " + n);
        String line = jvm.awaitLine(mark, l -> l.startsWith(CALLS), timeout, n + " calls");
        Map<String, Integer> byProvider = new TreeMap<>();
        for (String entry : line.substring(CALLS.length()).split(",")) {
            if (!entry.isBlank()) {
                String[] kv = entry.split("=");
                byProvider.put(kv[0], Integer.parseInt(kv[1]));
            }
        }
        return byProvider;
    }

    private static AddressList parse(String line) {
        String[] parts = line.substring(PROVIDERS.length()).split(" ", 2);
        Map<String, Integer> weights = new LinkedHashMap<>();
        if (parts.length > 1) {
            for (String entry : parts[1].split(",")) {
                if (!entry.isBlank()) {
                    int eq = entry.lastIndexOf('=');
                    weights.put(entry.substring(0, eq), Integer.parseInt(entry.substring(eq + 1)));
                }
            }
        }
        return new AddressList(Long.parseLong(parts[0]), new TreeMap<>(weights));
    }

    @Override
    public void close() throws InterruptedException {
        jvm.close();
    }
}
