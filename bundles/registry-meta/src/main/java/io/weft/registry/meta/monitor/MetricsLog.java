package io.weft.registry.meta.monitor;

import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.weft.registry.meta.raft.MetaRaftNode;
import io.weft.registry.meta.state.MetaState;
import io.weft.registry.meta.state.PushSwitch;

/**
 * Writes the figures the ops guide's MetaServer alerts read from {@code meta/registry-metrics.log} (OPS-10,
 * OPS-20) at a fixed period, one line each time:
 * <pre>
 * metaNodeList_size=3, dataNodeList_size=2, sessionNodeList_size=2, raftStatus=Leader, leader=10.0.0.1:9612, healthCheck=true, stopPushDataSwitch=false
 * </pre>
 * A list size of 0 is the matching {@code *NodeList_is_empty_prod} alert, {@code healthCheck=false}
 * {@code meta_health_check_fail_prod}, {@code stopPushDataSwitch=true} {@code meta_push_status_is_closed_prod}.
 *
 * <p>Lifecycle: {@link #start(long)} once, {@link #close()} once; it owns its single daemon thread, which
 * {@link #close()} waits for.
 */
public final class MetricsLog implements AutoCloseable {

    /** The name of the one thread. */
    public static final String THREAD_NAME = "weft-meta-metrics-log";

    private static final Logger METRICS = LoggerFactory.getLogger("registry.meta.metrics");
    private static final Logger LOG = LoggerFactory.getLogger("registry.meta");
    private static final long TERMINATION_WAIT_SECONDS = 10;

    private final MetaRaftNode raft;
    private ScheduledExecutorService timer;

    public MetricsLog(MetaRaftNode raft) {
        this.raft = Objects.requireNonNull(raft, "raft");
    }

    public synchronized void start(long periodSeconds) {
        if (timer != null) {
            throw new IllegalStateException("already started");
        }
        if (periodSeconds <= 0) {
            throw new IllegalArgumentException("periodSeconds must be positive: " + periodSeconds);
        }
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, THREAD_NAME);
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleAtFixedRate(this::logSafely, periodSeconds, periodSeconds, TimeUnit.SECONDS);
    }

    /** One line now. */
    public void logNow() {
        MetaState state = raft.state();
        METRICS.info("metaNodeList_size={}, dataNodeList_size={}, sessionNodeList_size={}, raftStatus={}, leader={},"
                + " healthCheck={}, stopPushDataSwitch={}", raft.peers().size(), state.dataNodes().size(),
                state.sessionNodes().size(), raft.role().label(), raft.leader().orElse("none"),
                raft.inGroupWithLeader(), state.pushSwitch() == PushSwitch.CLOSED);
    }

    private void logSafely() {
        try {
            logNow();
        } catch (RuntimeException e) {
            // A failure must not cancel the schedule: the next period tries again.
            LOG.error("[metrics] writing registry-metrics.log failed: {}", e.toString());
        }
    }

    @Override
    public synchronized void close() {
        if (timer == null) {
            return;
        }
        timer.shutdownNow();
        try {
            if (!timer.awaitTermination(TERMINATION_WAIT_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("[metrics] {} did not stop within {} s", THREAD_NAME, TERMINATION_WAIT_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        timer = null;
    }
}
