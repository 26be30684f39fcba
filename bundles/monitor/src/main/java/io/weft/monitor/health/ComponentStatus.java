package io.weft.monitor.health;

/**
 * One DS component configuration as reported by {@code /health}.
 *
 * @param name   the component's name
 * @param bundle the symbolic name of the bundle declaring it
 * @param state  its state
 */
public record ComponentStatus(String name, String bundle, ComponentState state) {
}
