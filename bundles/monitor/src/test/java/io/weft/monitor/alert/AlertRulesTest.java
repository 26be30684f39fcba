package io.weft.monitor.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.weft.api.monitor.AlertRule;

class AlertRulesTest {

    @Test
    @DisplayName("OPS-18/OPS-19: the default rules are cpu_usage > 80%, mem_usage > 80%, disk_usage > 80%, load5 > 3")
    void defaults() {
        assertEquals(List.of(
                new AlertRule("cpu_usage", 80, "%"),
                new AlertRule("mem_usage", 80, "%"),
                new AlertRule("disk_usage", 80, "%"),
                new AlertRule("load5", 3, "")), AlertRules.defaults().rules());
    }

    @Test
    @DisplayName("OPS-18/OPS-19: every rule above its threshold breaches")
    void allBreach() {
        List<String> breached = names(AlertRules.defaults().breaches(Snapshots.of(80.1, 95, 81, 3.01)));

        assertEquals(List.of("cpu_usage", "mem_usage", "disk_usage", "load5"), breached);
    }

    @Test
    @DisplayName("OPS-18/OPS-19: a value equal to the threshold does not breach (the rules read 'above')")
    void equalDoesNotBreach() {
        assertTrue(AlertRules.defaults().breaches(Snapshots.of(80, 80, 80, 3)).isEmpty());
    }

    @Test
    @DisplayName("OPS-18/OPS-19: an unmeasurable value (-1) never breaches, whatever the threshold")
    void unmeasurableNeverBreaches() {
        AlertRules strict = new AlertRules(-5, -5, -5, -5);

        assertTrue(strict.breaches(Snapshots.of(-1, -1, -1, -1)).isEmpty());
    }

    @Test
    @DisplayName("OPS-18/OPS-19: configured thresholds replace the defaults")
    void configuredThresholds() {
        AlertRules rules = new AlertRules(50, 90, 95, 8);

        assertEquals(List.of("cpu_usage"), names(rules.breaches(Snapshots.of(60, 85, 90, 4))));
    }

    private static List<String> names(List<RuleEvaluation> evaluations) {
        return evaluations.stream().map(e -> e.rule().name()).toList();
    }
}
