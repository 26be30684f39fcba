package io.weft.monitor.alert;

import java.util.ArrayList;
import java.util.List;

import io.weft.api.monitor.AlertRule;
import io.weft.api.monitor.SystemSnapshot;

/**
 * The basic alert rules of the ops guide (OPS-18, OPS-19) with their thresholds, and which of them a
 * snapshot breaches. Immutable: a configuration change builds a new instance.
 */
public final class AlertRules {

    public static final String CPU_USAGE = "cpu_usage";
    public static final String MEM_USAGE = "mem_usage";
    public static final String DISK_USAGE = "disk_usage";
    public static final String LOAD5 = "load5";

    /** OPS-18/OPS-19: cpu_usage > 80%, mem_usage > 80%, disk_usage > 80%, load5 > 3. */
    public static final double DEFAULT_CPU_USAGE = 80;
    public static final double DEFAULT_MEM_USAGE = 80;
    public static final double DEFAULT_DISK_USAGE = 80;
    public static final double DEFAULT_LOAD5 = 3;

    private final List<AlertRule> rules;

    public AlertRules(double cpuUsage, double memUsage, double diskUsage, double load5) {
        this.rules = List.of(
                new AlertRule(CPU_USAGE, cpuUsage, "%"),
                new AlertRule(MEM_USAGE, memUsage, "%"),
                new AlertRule(DISK_USAGE, diskUsage, "%"),
                new AlertRule(LOAD5, load5, ""));
    }

    public static AlertRules defaults() {
        return new AlertRules(DEFAULT_CPU_USAGE, DEFAULT_MEM_USAGE, DEFAULT_DISK_USAGE, DEFAULT_LOAD5);
    }

    /** The rules in a fixed order: cpu_usage, mem_usage, disk_usage, load5. */
    public List<AlertRule> rules() {
        return rules;
    }

    /** Every rule checked against the snapshot, breached or not, in {@link #rules()} order. */
    public List<RuleEvaluation> evaluate(SystemSnapshot snapshot) {
        List<RuleEvaluation> result = new ArrayList<>(rules.size());
        for (AlertRule rule : rules) {
            result.add(new RuleEvaluation(rule, valueOf(rule.name(), snapshot)));
        }
        return result;
    }

    /** Only the rules the snapshot breaches. */
    public List<RuleEvaluation> breaches(SystemSnapshot snapshot) {
        return evaluate(snapshot).stream().filter(RuleEvaluation::breached).toList();
    }

    /** The snapshot figure a rule watches. cpu_usage is the whole host's CPU, not just this JVM's. */
    static double valueOf(String rule, SystemSnapshot s) {
        return switch (rule) {
            case CPU_USAGE -> s.systemCpuPercent();
            case MEM_USAGE -> s.memoryPercent();
            case DISK_USAGE -> s.diskPercent();
            case LOAD5 -> s.load5();
            default -> throw new IllegalArgumentException("unknown rule " + rule);
        };
    }
}
