package io.weft.registry.data.notify;

import io.weft.registry.data.monitor.DataCounts;
import io.weft.registry.data.store.Datum;
import io.weft.registry.protocol.DatumChanged;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells every connected session that a datum changed (REG-37): one {@link DatumChanged} per connection, whether the
 * session has subscribers of it or not (decision record 0021). A notice that cannot be sent is retried after
 * {@code retryMillis}, {@code retries} times at most, while its connection stays open; each failure is an error line
 * ({@code data_SessionNotifierInvoke_Error}) and giving up another ({@code data_SessionNotifierRetryExceed_Error}).
 * A session that misses a notice still finds the change when it re-reads the versions of its datums.
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

    public ChangeNotifier(NoticeChannel channel, ScheduledExecutorService executor, int retries, long retryMillis,
            DataCounts counts) {
        this.channel = channel;
        this.executor = executor;
        this.retries = retries;
        this.retryMillis = retryMillis;
        this.counts = counts;
    }

    public void changed(Datum datum) {
        DatumChanged notice = new DatumChanged();
        notice.setDataInfoId(datum.dataInfoId());
        notice.setVersion(datum.version());
        for (String connection : channel.connectionIds()) {
            submit(() -> send(connection, notice, 0), 0);
        }
    }

    private void send(String connection, DatumChanged notice, int attempt) {
        if (!channel.isOpen(connection)) {
            return;
        }
        try {
            channel.send(connection, notice);
        } catch (Exception e) {
            counts.notifyError();
            LOG.error("[data] data_SessionNotifierInvoke_Error: {} v{} to session connection {} (attempt {} of {}):"
                    + " {}", notice.getDataInfoId(), notice.getVersion(), connection, attempt + 1, retries + 1,
                    e.toString());
            if (attempt < retries && channel.isOpen(connection)) {
                submit(() -> send(connection, notice, attempt + 1), retryMillis);
            } else if (channel.isOpen(connection)) {
                counts.notifyGivenUp();
                LOG.error("[data] data_SessionNotifierRetryExceed_Error: {} v{} not sent to session connection {}"
                        + " after {} attempts", notice.getDataInfoId(), notice.getVersion(), connection,
                        attempt + 1);
            }
        }
    }

    private void submit(Runnable task, long delayMillis) {
        try {
            executor.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            // The data server is closing: its connections are going too.
        }
    }
}
