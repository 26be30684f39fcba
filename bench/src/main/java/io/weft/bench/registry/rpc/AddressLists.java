package io.weft.bench.registry.rpc;

import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * What a SOFARPC consumer's address list held, and when, read from the lines its watch prints: {@code PROVIDERS
 * <epoch ms> host:port=weight,...} at every change (the itest's {@code EchoConsumer}). The time is the consumer's
 * own clock when it saw the change; the bench's processes share one machine and its clock.
 */
final class AddressLists {

    private static final String PREFIX = "PROVIDERS ";

    private AddressLists() {
    }

    /** How many lines the consumer printed so far: changes from here on come after an event. */
    static int mark(RpcJvm consumer) {
        return consumer.lines().size();
    }

    /**
     * When the consumer's list first held a set of providers matching {@code condition}, among the changes it
     * printed from line {@code from} on; empty if none did yet.
     */
    static OptionalLong firstFrom(RpcJvm consumer, int from, Predicate<Set<String>> condition) {
        List<String> lines = consumer.lines();
        for (int i = from; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith(PREFIX)) {
                String[] parts = line.substring(PREFIX.length()).split(" ", 2);
                if (condition.test(providers(parts.length > 1 ? parts[1] : ""))) {
                    return OptionalLong.of(Long.parseLong(parts[0]));
                }
            }
        }
        return OptionalLong.empty();
    }

    /** The current list: the last one printed, empty before any. */
    static Set<String> current(RpcJvm consumer) {
        List<String> lines = consumer.lines();
        for (int i = lines.size() - 1; i >= 0; i--) {
            String line = lines.get(i);
            if (line.startsWith(PREFIX)) {
                String[] parts = line.substring(PREFIX.length()).split(" ", 2);
                return providers(parts.length > 1 ? parts[1] : "");
            }
        }
        return Set.of();
    }

    /** {@code host:port} of each entry of {@code host:port=weight,...} (weight 0 counts as listed). */
    private static Set<String> providers(String entries) {
        Set<String> providers = new TreeSet<>();
        for (String entry : entries.split(",")) {
            if (!entry.isBlank()) {
                providers.add(entry.substring(0, entry.lastIndexOf('=')));
            }
        }
        return providers;
    }
}
