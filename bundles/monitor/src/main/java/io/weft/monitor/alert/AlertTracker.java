package io.weft.monitor.alert;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.weft.api.monitor.Alert;
import io.weft.api.monitor.Alert.State;

/**
 * Remembers which rules are firing and turns each evaluation into transitions: FIRING when a rule goes
 * above its threshold, RESOLVED when it comes back. Each transition goes into a bounded, newest-first
 * history and, as one line, to the {@value #LOGGER_NAME} logger, which the platform routes to
 * {@code logs/monitor/alert.log}.
 *
 * <p>Thread-safe: the scheduler updates it while HTTP and console threads read it.
 */
public final class AlertTracker {

    /** The logger whose lines make up the alert log. */
    public static final String LOGGER_NAME = "weft.monitor.alert";
    /** How many transitions the history keeps; older ones are dropped. */
    public static final int HISTORY_LIMIT = 200;

    private final Logger alertLog;
    /** Firing rules by name, in the order they started firing. Guarded by {@code this}. */
    private final Map<String, Alert> firing = new LinkedHashMap<>();
    /** Transitions, newest first. Guarded by {@code this}. */
    private final Deque<Alert> history = new ArrayDeque<>();

    public AlertTracker() {
        this(LoggerFactory.getLogger(LOGGER_NAME));
    }

    /** With the logger given, so tests can read the lines written. */
    AlertTracker(Logger alertLog) {
        this.alertLog = alertLog;
    }

    /**
     * Applies one evaluation of every rule.
     *
     * <p>A rule that could not be measured this time keeps its state: a missing figure is no evidence
     * that an alert has ended (and never a reason to raise one), and flipping on it would flood the log.
     *
     * @return the transitions this evaluation caused, in rule order
     */
    public List<Alert> update(List<RuleEvaluation> evaluations, Instant at) {
        List<Transition> transitions = apply(evaluations, at);
        // Logged outside the lock: the logging backend is another bundle's code.
        for (Transition t : transitions) {
            String line = logLine(t.alert(), t.unit());
            if (t.alert().state() == State.FIRING) {
                alertLog.warn(line);
            } else {
                alertLog.info(line);
            }
        }
        return transitions.stream().map(Transition::alert).toList();
    }

    private synchronized List<Transition> apply(List<RuleEvaluation> evaluations, Instant at) {
        List<Transition> transitions = new ArrayList<>();
        for (RuleEvaluation e : evaluations) {
            if (!e.measurable()) {
                continue;
            }
            String name = e.rule().name();
            Alert current = firing.get(name);
            if (e.breached()) {
                if (current == null) {
                    Alert alert = new Alert(name, State.FIRING, e.value(), e.rule().threshold(), at);
                    firing.put(name, alert);
                    transitions.add(record(alert, e.rule().unit()));
                } else {
                    // Still firing: show the latest value and threshold, keep the time it started firing.
                    firing.put(name, new Alert(name, State.FIRING, e.value(), e.rule().threshold(), current.at()));
                }
            } else if (current != null) {
                firing.remove(name);
                Alert alert = new Alert(name, State.RESOLVED, e.value(), e.rule().threshold(), at);
                transitions.add(record(alert, e.rule().unit()));
            }
        }
        return transitions;
    }

    /** The firing alerts: latest value and threshold, {@code at} being when each started firing. */
    public synchronized List<Alert> active() {
        return List.copyOf(firing.values());
    }

    /** The transitions kept, newest first, at most {@value #HISTORY_LIMIT}. */
    public synchronized List<Alert> history() {
        return List.copyOf(history);
    }

    /** Called with the lock held. */
    private Transition record(Alert alert, String unit) {
        history.addFirst(alert);
        while (history.size() > HISTORY_LIMIT) {
            history.removeLast();
        }
        return new Transition(alert, unit);
    }

    /** E.g. {@code FIRING rule=cpu_usage value=91.2 threshold=80.0 unit=%}: greppable key=value pairs. */
    static String logLine(Alert alert, String unit) {
        return alert.state() + " rule=" + alert.rule() + " value=" + number(alert.value())
                + " threshold=" + number(alert.threshold()) + " unit=" + unit;
    }

    /** At least one decimal so thresholds read 80.0, at most two so CPU noise stays short. */
    private static String number(double value) {
        // DecimalFormat is not thread-safe; transitions are rare, so a new one each time is cheap enough.
        return new DecimalFormat("0.0#", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(value);
    }

    /** A transition and the unit of its rule, which the log line names. */
    private record Transition(Alert alert, String unit) {
    }
}
