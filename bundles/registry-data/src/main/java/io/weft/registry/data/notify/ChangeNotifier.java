package io.weft.registry.data.notify;

import io.weft.registry.data.monitor.DataCounts;
import io.weft.registry.data.store.Datum;
import io.weft.registry.data.transport.Outboxes;
import io.weft.registry.protocol.DatumChanged;
import io.weft.registry.protocol.DatumChangedBatch;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells every connected session that a datum changed (REG-37): a {@link DatumChanged} on every connection, whether
 * the session has subscribers of it or not (decision record 0021). The notices of one connection that wait while
 * the previous send to it runs go together in one message ({@link Outboxes}, decision record 0027); a notice alone
 * goes at once. A send that fails is tried again after {@code retryMillis}, {@code retries} times at most, while
 * its connection stays open; each failure is an error line ({@code data_SessionNotifierInvoke_Error}) and giving up
 * another ({@code data_SessionNotifierRetryExceed_Error}). A session that misses a notice still finds the change
 * when it re-reads the versions of its datums.
 *
 * <p>Thread-safe; the sends run on the executor given.
 */
public final class ChangeNotifier {

    private static final Logger LOG = LoggerFactory.getLogger("registry.data");

    private final NoticeChannel channel;
    private final ScheduledExecutorService executor;
    private final int retries;
    private final long retryMillis;
    private final DataCounts counts;
    private final Outboxes<DatumChanged> outboxes;

    public ChangeNotifier(NoticeChannel channel, ScheduledExecutorService executor, int retries, long retryMillis,
            DataCounts counts) {
        this.channel = channel;
        this.executor = executor;
        this.retries = retries;
        this.retryMillis = retryMillis;
        this.counts = counts;
        this.outboxes = new Outboxes<>(executor, DatumChangedBatch.MAX_NOTICES, Outboxes.MAX_BATCH_BYTES,
                notice -> 64 + 3L * notice.getDataInfoId().length(), (c, notices) -> send(c, notices, 0));
    }

    public void changed(Datum datum) {
        DatumChanged notice = new DatumChanged();
        notice.setDataInfoId(datum.dataInfoId());
        notice.setVersion(datum.version());
        for (String connection : channel.connectionIds()) {
            if (outboxes.add(connection, notice)) {
                // A connection came: drop the outboxes of those that closed with nothing waiting for them (rare,
                // so not looked for at every change).
                outboxes.forgetIf(other -> !channel.isOpen(other));
            }
        }
    }

    private void send(String connection, List<DatumChanged> notices, int attempt) {
        if (!channel.isOpen(connection)) {
            outboxes.forget(connection);
            return;
        }
        try {
            channel.send(connection, notices);
        } catch (Exception e) {
            counts.notifyError();
            LOG.error("[data] data_SessionNotifierInvoke_Error: {} to session connection {} (attempt {} of {}): {}",
                    describe(notices), connection, attempt + 1, retries + 1, e.toString());
            if (attempt < retries && channel.isOpen(connection)) {
                // Beside the outbox: a retried batch may cross a newer one, which the session settles by version.
                retryLater(() -> send(connection, notices, attempt + 1));
            } else if (channel.isOpen(connection)) {
                counts.notifyGivenUp();
                LOG.error("[data] data_SessionNotifierRetryExceed_Error: {} not sent to session connection {} after"
                        + " {} attempts", describe(notices), connection, attempt + 1);
            }
        }
    }

    /** The first notice, and how many more went with it. */
    private static String describe(List<DatumChanged> notices) {
        DatumChanged first = notices.get(0);
        String one = first.getDataInfoId() + " v" + first.getVersion();
        return notices.size() == 1 ? one : one + " and " + (notices.size() - 1) + " more notices";
    }

    private void retryLater(Runnable task) {
        try {
            executor.schedule(task, retryMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            // The data server is closing: its connections are going too.
        }
    }
}
