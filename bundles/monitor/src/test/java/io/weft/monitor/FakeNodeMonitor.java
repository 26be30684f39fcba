package io.weft.monitor;

import java.util.ArrayList;
import java.util.List;

import io.weft.api.monitor.Alert;
import io.weft.api.monitor.AlertRule;
import io.weft.api.monitor.NodeMonitor;
import io.weft.api.monitor.SystemSnapshot;
import io.weft.monitor.alert.AlertRules;

/** A NodeMonitor answering what the test put in it. */
public final class FakeNodeMonitor implements NodeMonitor {

    public SystemSnapshot snapshot;
    public List<AlertRule> rules = AlertRules.defaults().rules();
    public final List<Alert> active = new ArrayList<>();
    public final List<Alert> recent = new ArrayList<>();

    public FakeNodeMonitor(SystemSnapshot snapshot) {
        this.snapshot = snapshot;
    }

    @Override
    public SystemSnapshot measure() {
        return snapshot;
    }

    @Override
    public List<AlertRule> rules() {
        return rules;
    }

    @Override
    public List<Alert> activeAlerts() {
        return active;
    }

    @Override
    public List<Alert> recentAlerts() {
        return recent;
    }
}
