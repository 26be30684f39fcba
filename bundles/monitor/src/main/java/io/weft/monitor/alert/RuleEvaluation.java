package io.weft.monitor.alert;

import io.weft.api.monitor.AlertRule;

/**
 * One rule checked against one snapshot.
 *
 * @param rule  the rule with the threshold in force
 * @param value the measured value, {@code -1} when it could not be measured
 */
public record RuleEvaluation(AlertRule rule, double value) {

    /** A value the probe could not take ({@code -1}) says nothing about the rule, so it never fires it. */
    public boolean measurable() {
        return value >= 0 && !Double.isNaN(value);
    }

    /** The rules read "above the threshold" (OPS-18: {@code cpu_usage > 80%}), so equal does not breach. */
    public boolean breached() {
        return measurable() && value > rule.threshold();
    }
}
