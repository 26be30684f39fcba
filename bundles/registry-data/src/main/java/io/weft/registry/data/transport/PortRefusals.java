package io.weft.registry.data.transport;

import io.weft.codec.bolt.guard.ConnectionRefusal;
import io.weft.codec.bolt.guard.FrameRefusal;
import io.weft.codec.bolt.guard.LogThrottle;
import io.weft.codec.bolt.guard.PortRefusalLog;
import io.weft.codec.bolt.guard.RefusalListener;
import io.weft.registry.data.monitor.DataCounts;
import java.net.SocketAddress;

/**
 * What the guard of one data server port refused: counted in {@link DataCounts} (the
 * {@code registry_data_refused_frames} and {@code registry_data_refused_connections} metrics, by port and reason)
 * and logged with the peer's address in registry-data.log and common-error.log by {@link PortRefusalLog}, one line
 * per kind, address and interval. Thread-safe.
 */
public final class PortRefusals implements RefusalListener {

    private final String port;
    private final DataCounts counts;
    private final RefusalListener lines;

    /**
     * @param port the port's name in metrics and log lines: {@code session} or {@code replication}
     * @param log  the data server's throttled ERROR log, shared by its ports
     */
    public PortRefusals(String port, DataCounts counts, LogThrottle log) {
        this.port = port;
        this.counts = counts;
        this.lines = new PortRefusalLog(port, "[data]", log);
    }

    @Override
    public void frameRefused(FrameRefusal reason, SocketAddress remote, String detail) {
        counts.frameRefused(port, reason);
        lines.frameRefused(reason, remote, detail);
    }

    @Override
    public void connectionRefused(ConnectionRefusal reason, SocketAddress remote, int limit) {
        counts.connectionRefused(port, reason);
        lines.connectionRefused(reason, remote, limit);
    }
}
