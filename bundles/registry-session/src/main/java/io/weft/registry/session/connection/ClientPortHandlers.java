package io.weft.registry.session.connection;

import com.alipay.remoting.ExtendedNettyChannelHandler;
import com.alipay.remoting.config.BoltServerOption;
import io.netty.channel.ChannelHandler;
import io.weft.codec.bolt.guard.ConnectionAdmission;
import io.weft.codec.bolt.guard.ConnectionGate;
import io.weft.codec.bolt.guard.FrameGuard;
import io.weft.codec.bolt.guard.LogThrottle;
import java.util.List;

/**
 * The session's own handlers in front of Bolt's codec on each client channel, through Bolt's supported hook
 * {@link BoltServerOption#EXTENDED_NETTY_CHANNEL_HANDLER}: {@code RpcServer} asks {@link #frontChannelHandlers()}
 * for every accepted channel and puts them first in its pipeline, nearest the socket, before its decoder. So each
 * channel gets fresh, stateful instances:
 * <ol>
 *   <li>{@link ConnectionAdmission}: the reconnect-flood and connection limits;</li>
 *   <li>{@link FrameGuard}: frame size and header checks before Bolt buffers a frame;</li>
 *   <li>{@link ErrorResponseLog}: each error answer, with the client's address.</li>
 * </ol>
 * The first two are the codec's port guard, the one every registry Bolt port has; their refusals go to
 * {@link ClientPortRefusals}. Bolt names each handler by its class, so each class may appear once.
 */
final class ClientPortHandlers implements ExtendedNettyChannelHandler {

    private final ConnectionGate gate;
    private final int maxFrameBytes;
    private final RefusalCounts counts;
    private final ClientPortRefusals refusals;
    private final LogThrottle requestLog;

    /**
     * @param connectLog where connection refusals go (registry-connect.log and common-error.log)
     * @param requestLog where frame refusals and error answers go (registry-session.log and common-error.log)
     */
    ClientPortHandlers(ConnectionGate gate, int maxFrameBytes, RefusalCounts counts, LogThrottle connectLog,
            LogThrottle requestLog) {
        this.gate = gate;
        this.maxFrameBytes = maxFrameBytes;
        this.counts = counts;
        this.refusals = new ClientPortRefusals(counts, connectLog, requestLog);
        this.requestLog = requestLog;
    }

    @Override
    public List<ChannelHandler> frontChannelHandlers() {
        return List.of(new ConnectionAdmission(gate, refusals),
                new FrameGuard(maxFrameBytes, refusals),
                new ErrorResponseLog(counts, requestLog));
    }

    @Override
    public List<ChannelHandler> backChannelHandlers() {
        return List.of();
    }
}
