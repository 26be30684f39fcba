package io.weft.drm.server.monitor;

import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.weft.drm.server.connection.ClientSession;

/**
 * Every {@code monitorIntervalSeconds}: one {@code drm-monitor.log} line per zone (DRM-19) and one
 * {@code drmdata-threadpool.log} line per pool of this node (DRM-21). With no connection at all it
 * writes a {@code DEFAULT_ZONE} line of zeros, so the file shows the node is alive.
 */
public final class MonitorTask implements Runnable {

    private static final Logger MONITOR_LOG = LoggerFactory.getLogger("drmdata.monitor");
    private static final Logger POOL_LOG = LoggerFactory.getLogger("drmdata.threadpool");
    private static final Logger LOG = LoggerFactory.getLogger(MonitorTask.class);

    private final Supplier<Collection<ClientSession>> sessions;
    private final Supplier<List<PoolStats>> pools;

    public MonitorTask(Supplier<Collection<ClientSession>> sessions, Supplier<List<PoolStats>> pools) {
        this.sessions = sessions;
        this.pools = pools;
    }

    @Override
    public void run() {
        try {
            for (String line : zoneLines(sessions.get())) {
                MONITOR_LOG.info(line);
            }
            for (PoolStats p : pools.get()) {
                POOL_LOG.info(p.line());
            }
        } catch (RuntimeException e) {
            LOG.error("drmdata monitor task failed", e);
        }
    }

    static List<String> zoneLines(Collection<ClientSession> all) {
        List<ZoneStats> zones = ZoneStats.of(all);
        if (zones.isEmpty()) {
            return List.of(new ZoneStats(ZoneStats.DEFAULT_ZONE, 0, 0, 0).line(0));
        }
        int total = all.size();
        return zones.stream().map(z -> z.line(total)).toList();
    }
}
