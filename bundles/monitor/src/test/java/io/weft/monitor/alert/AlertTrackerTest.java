package io.weft.monitor.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

import io.weft.api.monitor.Alert;
import io.weft.api.monitor.Alert.State;
import io.weft.api.monitor.SystemSnapshot;

class AlertTrackerTest {

    private final List<String> logLines = new ArrayList<>();
    private final AlertTracker tracker = new AlertTracker(recordingLogger(logLines));
    private final AlertRules rules = AlertRules.defaults();

    @Test
    @DisplayName("OPS-18: cpu_usage above 80% fires an alert and resolves when it drops")
    void cpuFiresAndResolves() {
        Instant t1 = Snapshots.T0.plusSeconds(60);

        List<Alert> fired = evaluate(Snapshots.of(91.2, 10, 10, 0.5));
        List<Alert> resolved = evaluate(Snapshots.at(t1, 40, 10, 10, 0.5));

        assertEquals(List.of(new Alert("cpu_usage", State.FIRING, 91.2, 80, Snapshots.T0)), fired);
        assertEquals(List.of(new Alert("cpu_usage", State.RESOLVED, 40, 80, t1)), resolved);
        assertTrue(tracker.active().isEmpty());
        assertEquals(List.of("WARN FIRING rule=cpu_usage value=91.2 threshold=80.0 unit=%",
                "INFO RESOLVED rule=cpu_usage value=40.0 threshold=80.0 unit=%"), logLines);
    }

    @Test
    @DisplayName("OPS-19: mem_usage, disk_usage and load5 fire together and each logs one line")
    void severalRulesFire() {
        evaluate(Snapshots.of(10, 85.5, 92, 3.75));

        assertEquals(List.of("mem_usage", "disk_usage", "load5"),
                tracker.active().stream().map(Alert::rule).toList());
        assertEquals(List.of("WARN FIRING rule=mem_usage value=85.5 threshold=80.0 unit=%",
                "WARN FIRING rule=disk_usage value=92.0 threshold=80.0 unit=%",
                "WARN FIRING rule=load5 value=3.75 threshold=3.0 unit="), logLines);
    }

    @Test
    @DisplayName("OPS-18/OPS-19: a rule that stays above its threshold fires once, showing its latest value")
    void staysFiringWithoutNewTransition() {
        evaluate(Snapshots.of(90, 10, 10, 0.5));
        List<Alert> again = tracker.update(rules.evaluate(Snapshots.of(95, 10, 10, 0.5)),
                Snapshots.T0.plusSeconds(60));

        assertTrue(again.isEmpty());
        assertEquals(1, tracker.history().size());
        assertEquals(1, logLines.size());
        Alert active = tracker.active().get(0);
        assertEquals(95, active.value());
        assertEquals(Snapshots.T0, active.at(), "time it started firing");
    }

    @Test
    @DisplayName("OPS-18/OPS-19: an unmeasurable value neither fires nor resolves a rule")
    void unmeasurableKeepsState() {
        evaluate(Snapshots.of(-1, 90, 10, 0.5));
        assertEquals(List.of("mem_usage"), tracker.active().stream().map(Alert::rule).toList());

        evaluate(Snapshots.of(-1, -1, 10, 0.5));

        assertEquals(List.of("mem_usage"), tracker.active().stream().map(Alert::rule).toList());
        assertEquals(1, tracker.history().size());
    }

    @Test
    @DisplayName("OPS-18/OPS-19: a lowered threshold fires on the next evaluation, a raised one resolves")
    void thresholdChange() {
        SystemSnapshot cpu70 = Snapshots.of(70, 10, 10, 0.5);
        evaluate(cpu70);
        assertTrue(tracker.active().isEmpty());

        tracker.update(new AlertRules(60, 80, 80, 3).evaluate(cpu70), Snapshots.T0);
        assertEquals(List.of("cpu_usage"), tracker.active().stream().map(Alert::rule).toList());

        tracker.update(new AlertRules(75, 80, 80, 3).evaluate(cpu70), Snapshots.T0);
        assertTrue(tracker.active().isEmpty());
        assertEquals(State.RESOLVED, tracker.history().get(0).state());
        assertEquals(75, tracker.history().get(0).threshold());
    }

    @Test
    @DisplayName("OPS-18/OPS-19: the alert history is newest first and keeps the last 200 transitions")
    void historyIsBoundedNewestFirst() {
        for (int i = 0; i < 150; i++) {
            Instant at = Snapshots.T0.plusSeconds(i);
            tracker.update(rules.evaluate(Snapshots.at(at, 90, 10, 10, 0.5)), at); // FIRING
            tracker.update(rules.evaluate(Snapshots.at(at, 10, 10, 10, 0.5)), at); // RESOLVED
        }

        List<Alert> history = tracker.history();
        assertEquals(AlertTracker.HISTORY_LIMIT, history.size());
        assertEquals(new Alert("cpu_usage", State.RESOLVED, 10, 80, Snapshots.T0.plusSeconds(149)), history.get(0));
        assertEquals(State.FIRING, history.get(1).state());
        assertEquals(Snapshots.T0.plusSeconds(50), history.get(199).at(), "the 100 oldest transitions dropped");
        assertEquals(300, logLines.size(), "every transition is logged, kept or not");
    }

    private List<Alert> evaluate(SystemSnapshot snapshot) {
        return tracker.update(rules.evaluate(snapshot), snapshot.takenAt());
    }

    /** A Logger whose warn(String) and info(String) record "LEVEL message"; enough for the tracker. */
    static Logger recordingLogger(List<String> lines) {
        return (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(), new Class<?>[] {Logger.class},
                (proxy, method, args) -> {
                    String name = method.getName();
                    if ((name.equals("warn") || name.equals("info")) && args != null && args.length == 1) {
                        lines.add(name.toUpperCase() + " " + args[0]);
                        return null;
                    }
                    if (method.getReturnType() == boolean.class) {
                        return true;
                    }
                    if (name.equals("getName")) {
                        return AlertTracker.LOGGER_NAME;
                    }
                    return null;
                });
    }
}
