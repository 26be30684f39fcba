package io.weft.api.monitor;

import java.time.Instant;

/**
 * One alert transition of a rule.
 *
 * @param rule      the rule's name
 * @param state     {@link State#FIRING} when the value went above the threshold, {@link State#RESOLVED}
 *                  when it came back under it
 * @param value     the measured value at that evaluation
 * @param threshold the threshold in force at that evaluation
 * @param at        when the evaluation happened
 */
public record Alert(String rule, State state, double value, double threshold, Instant at) {

    public enum State { FIRING, RESOLVED }
}
