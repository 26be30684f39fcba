package io.weft.monitor.health;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

import io.weft.api.health.Health;
import io.weft.api.health.Health.Status;
import io.weft.api.health.HealthIndicator;

/**
 * The rules of {@code /health}, free of OSGi and HTTP so they are unit-tested: running the checks so that
 * none can break the endpoint, and folding checks and component states into one status.
 */
public final class HealthAggregator {

    private HealthAggregator() {
    }

    /**
     * DOWN if any check is DOWN or any enabled component failed to activate; DEGRADED if any check is
     * DEGRADED or any enabled component is unsatisfied; UP otherwise. Disabled components do not count:
     * disabling one is an operator's choice, not a fault.
     */
    public static Status overall(Collection<ComponentStatus> components, Collection<CheckResult> checks) {
        Status worst = Status.UP;
        for (CheckResult check : checks) {
            worst = worse(worst, check.status());
        }
        for (ComponentStatus component : components) {
            if (component.state() == ComponentState.FAILED_ACTIVATION) {
                worst = worse(worst, Status.DOWN);
            } else if (component.state().unsatisfied()) {
                worst = worse(worst, Status.DEGRADED);
            }
        }
        return worst;
    }

    /** Runs every indicator with {@link #run}, sorted by name so the output is stable. */
    public static List<CheckResult> runAll(Collection<? extends HealthIndicator> indicators) {
        List<CheckResult> results = new ArrayList<>(indicators.size());
        for (HealthIndicator indicator : indicators) {
            results.add(run(indicator));
        }
        results.sort(Comparator.comparing(CheckResult::name));
        return results;
    }

    /**
     * Runs one indicator. One that throws or answers nothing is DOWN with the reason as detail: a broken
     * check must show up as a failed part, never as a failed endpoint.
     */
    public static CheckResult run(HealthIndicator indicator) {
        String name = nameOf(indicator);
        try {
            Health health = indicator.check();
            if (health == null) {
                return new CheckResult(name, Status.DOWN, "check returned no result");
            }
            return new CheckResult(name, health.status(), health.detail());
        } catch (RuntimeException | LinkageError e) {
            String message = e.getMessage();
            return new CheckResult(name, Status.DOWN, message != null ? message : e.getClass().getName());
        }
    }

    private static String nameOf(HealthIndicator indicator) {
        try {
            String name = indicator.name();
            return name != null ? name : indicator.getClass().getName();
        } catch (RuntimeException e) {
            return indicator.getClass().getName();
        }
    }

    // Status is declared from best to worst.
    private static Status worse(Status a, Status b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
