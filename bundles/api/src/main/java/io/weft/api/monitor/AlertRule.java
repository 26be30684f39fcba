package io.weft.api.monitor;

/**
 * A basic alert rule: the alert fires while the measured value is above the threshold.
 *
 * @param name      stable rule name as in the ops guide, e.g. {@code cpu_usage}, {@code load5}
 * @param threshold the value above which the rule fires
 * @param unit      {@code "%"} or empty
 */
public record AlertRule(String name, double threshold, String unit) {
}
