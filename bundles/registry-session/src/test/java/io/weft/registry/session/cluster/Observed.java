package io.weft.registry.session.cluster;

import io.weft.registry.session.Eventually;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** What one real subscriber's callbacks delivered, in order. */
final class Observed implements Consumer<Map<String, List<String>>> {

    private final List<Map<String, List<String>>> calls = new CopyOnWriteArrayList<>();

    @Override
    public void accept(Map<String, List<String>> data) {
        calls.add(data);
    }

    int count() {
        return calls.size();
    }

    /** The values of the last callback, all zones, sorted; null before the first. */
    List<String> latestValues() {
        if (calls.isEmpty()) {
            return null;
        }
        return calls.get(calls.size() - 1).values().stream().flatMap(List::stream).sorted().toList();
    }

    /** The values of each callback from the {@code first}th on (0-based), all zones, sorted. */
    List<List<String>> valuesSince(int first) {
        return calls.subList(first, calls.size()).stream()
                .map(call -> call.values().stream().flatMap(List::stream).sorted().toList()).toList();
    }

    void awaitValues(List<String> expected) {
        Eventually.await("a callback with values " + expected + " (last: " + latestValues() + ")",
                () -> Objects.equals(expected, latestValues()));
    }
}
