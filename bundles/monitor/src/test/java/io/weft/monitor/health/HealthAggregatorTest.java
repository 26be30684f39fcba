package io.weft.monitor.health;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.weft.api.health.Health;
import io.weft.api.health.Health.Status;
import io.weft.api.health.HealthIndicator;

class HealthAggregatorTest {

    private static final ComponentStatus ACTIVE = component("a", ComponentState.ACTIVE);
    private static final ComponentStatus SATISFIED = component("s", ComponentState.SATISFIED);

    @Test
    @DisplayName("Health: all components running and all checks UP is UP")
    void up() {
        assertEquals(Status.UP, HealthAggregator.overall(List.of(ACTIVE, SATISFIED),
                List.of(check(Status.UP), check(Status.UP))));
    }

    @Test
    @DisplayName("Health: a DEGRADED check makes the node DEGRADED")
    void degradedCheck() {
        assertEquals(Status.DEGRADED, HealthAggregator.overall(List.of(ACTIVE),
                List.of(check(Status.UP), check(Status.DEGRADED))));
    }

    @Test
    @DisplayName("Health: an enabled component missing a reference or a configuration makes the node DEGRADED")
    void unsatisfiedComponent() {
        assertEquals(Status.DEGRADED, HealthAggregator.overall(
                List.of(ACTIVE, component("r", ComponentState.UNSATISFIED_REFERENCE)), List.of()));
        assertEquals(Status.DEGRADED, HealthAggregator.overall(
                List.of(component("c", ComponentState.UNSATISFIED_CONFIGURATION)), List.of(check(Status.UP))));
    }

    @Test
    @DisplayName("Health: a component left unconfigured on purpose (configuration required, none given) does not count")
    void notConfiguredComponent() {
        assertEquals(Status.UP, HealthAggregator.overall(
                List.of(ACTIVE, component("n", ComponentState.NOT_CONFIGURED)), List.of(check(Status.UP))));
    }

    @Test
    @DisplayName("Health: a DOWN check or a component that failed to activate makes the node DOWN")
    void down() {
        assertEquals(Status.DOWN, HealthAggregator.overall(List.of(ACTIVE),
                List.of(check(Status.DEGRADED), check(Status.DOWN))));
        assertEquals(Status.DOWN, HealthAggregator.overall(
                List.of(component("r", ComponentState.UNSATISFIED_REFERENCE),
                        component("f", ComponentState.FAILED_ACTIVATION)),
                List.of(check(Status.UP))));
    }

    @Test
    @DisplayName("Health: a disabled component does not count")
    void disabledIgnored() {
        assertEquals(Status.UP, HealthAggregator.overall(
                List.of(ACTIVE, component("d", ComponentState.DISABLED)), List.of()));
    }

    @Test
    @DisplayName("Health: a check that throws is DOWN with the exception's message, and the others still run")
    void throwingCheck() {
        HealthIndicator broken = indicator("store", () -> {
            throw new IllegalStateException("connection refused");
        });
        HealthIndicator fine = indicator("acvip", () -> Health.up("ok"));

        List<CheckResult> results = HealthAggregator.runAll(List.of(broken, fine));

        assertEquals(List.of(new CheckResult("acvip", Status.UP, "ok"),
                new CheckResult("store", Status.DOWN, "connection refused")), results);
        assertEquals(Status.DOWN, HealthAggregator.overall(List.of(), results));
    }

    @Test
    @DisplayName("Health: a check that answers nothing is DOWN")
    void nullHealth() {
        assertEquals(new CheckResult("x", Status.DOWN, "check returned no result"),
                HealthAggregator.run(indicator("x", () -> null)));
    }

    private static ComponentStatus component(String name, ComponentState state) {
        return new ComponentStatus(name, "io.weft.test", state);
    }

    private static CheckResult check(Status status) {
        return new CheckResult("c-" + status, status, "");
    }

    static HealthIndicator indicator(String name, java.util.function.Supplier<Health> check) {
        return new HealthIndicator() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Health check() {
                return check.get();
            }
        };
    }
}
