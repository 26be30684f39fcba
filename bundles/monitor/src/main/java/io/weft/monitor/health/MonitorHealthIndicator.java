package io.weft.monitor.health;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.weft.api.health.Health;
import io.weft.api.health.HealthIndicator;
import io.weft.api.monitor.Alert;
import io.weft.api.monitor.NodeMonitor;

/**
 * The {@code monitor} check: DEGRADED while alerts are firing, listing them. A registered indicator like
 * any other, so whatever collects health (not only {@code /health}) sees it.
 */
@Component(service = HealthIndicator.class)
public final class MonitorHealthIndicator implements HealthIndicator {

    static final String NAME = "monitor";

    private final NodeMonitor monitor;

    @Activate
    public MonitorHealthIndicator(@Reference NodeMonitor monitor) {
        this.monitor = monitor;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Health check() {
        return of(monitor.activeAlerts());
    }

    /** E.g. DEGRADED "alerts firing: cpu_usage=91.2 (threshold 80.0)". */
    static Health of(List<Alert> firing) {
        if (firing.isEmpty()) {
            return Health.up("no alerts firing");
        }
        return Health.degraded("alerts firing: " + firing.stream()
                .map(a -> String.format(Locale.ROOT, "%s=%.1f (threshold %.1f)", a.rule(), a.value(),
                        a.threshold()))
                .collect(Collectors.joining(", ")));
    }
}
