package io.weft.console.registry.governance;

import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A console user's governance of one provider (CON-5): saved in the console DB first, then the service's
 * whole rule set pushed to the meta leader (REG-65), since the meta keeps one override datum per service and
 * each write replaces it. A push that fails leaves the DB row: the next change of that service, or the
 * seed's re-import (REG-67), pushes it again. Thread-safe.
 */
public final class Governance {

    private static final Logger LOG = LoggerFactory.getLogger(Governance.class);

    private final ServiceConfigStore store;
    private final MetaPersistentData meta;
    private final Clock clock;
    /** Versions must rise from one write to the next (the meta refuses others); the clock alone may repeat. */
    private final AtomicLong lastVersion = new AtomicLong();

    public Governance(ServiceConfigStore store, MetaPersistentData meta, Clock clock) {
        this.store = store;
        this.meta = meta;
        this.clock = clock;
    }

    /** The rules in effect of a service, for the page. */
    public List<ProviderRule> rules(String instanceId, String dataId) throws GovernanceException {
        try {
            return store.rules(instanceId, dataId);
        } catch (SQLException e) {
            throw new GovernanceException("the console database could not be read: " + e.getMessage(), e);
        }
    }

    /**
     * Saves {@code rule} and pushes the service's override datum.
     *
     * @return what was pushed: the datum, or null when it was removed
     */
    public String apply(ProviderRule rule, String appName, String operator)
            throws GovernanceException {
        List<ProviderRule> inEffect;
        try {
            inEffect = store.save(rule, appName, operator);
        } catch (SQLException e) {
            throw new GovernanceException("the console database refused the change: " + e.getMessage(), e);
        }
        String datum = ProviderRule.datum(inEffect);
        if (datum == null) {
            meta.remove(rule.instanceId(), rule.dataId());
        } else {
            meta.put(rule.instanceId(), rule.dataId(), nextVersion(), datum);
        }
        LOG.info("Governance of {} in {} by {}: provider {} disabled={} weight={}; override datum now {}",
                rule.dataId(), rule.instanceId(), operator, rule.hostPort(), rule.disabled(), rule.weight(),
                datum == null ? "removed" : datum);
        return datum;
    }

    private long nextVersion() {
        long now = clock.millis();
        return lastVersion.updateAndGet(last -> Math.max(last + 1, now));
    }
}
