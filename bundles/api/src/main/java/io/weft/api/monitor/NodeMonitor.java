package io.weft.api.monitor;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Read access to what the node monitor has measured and raised. Registered by the monitor bundle.
 * Thread-safe.
 */
@ProviderType
public interface NodeMonitor {

    /** A fresh measurement of the node and its host. */
    SystemSnapshot measure();

    /** The rules in force, with the thresholds currently configured. */
    List<AlertRule> rules();

    /** Alerts firing as of the last evaluation. */
    List<Alert> activeAlerts();

    /** The most recent alert transitions (firing and resolved), newest first, bounded in number. */
    List<Alert> recentAlerts();
}
