package io.weft.codec.bolt.guard;

import com.alipay.remoting.ExtendedNettyChannelHandler;
import com.alipay.remoting.config.BoltServerOption;
import io.netty.channel.ChannelHandler;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The guard of one Bolt server port, set with {@code rpcServer.option(BoltServerOption.EXTENDED_NETTY_CHANNEL_HANDLER,
 * portGuard)} before its start: {@code RpcServer} asks {@link #frontChannelHandlers()} for every accepted channel and
 * puts them first in its pipeline, nearest the socket, before its decoder. So each channel gets fresh, stateful
 * instances:
 * <ol>
 *   <li>{@link ConnectionAdmission}: the reconnect-flood and connection limits of the {@link ConnectionGate} the port
 *       shares;</li>
 *   <li>{@link FrameGuard}: frame size and header checks before Bolt buffers a frame.</li>
 * </ol>
 * Bolt names each handler by its class, so a server that adds handlers of its own lists them with these in a
 * handler of its own rather than wrapping this one. Holds no thread or socket: it goes with its server.
 *
 * @see BoltServerOption#EXTENDED_NETTY_CHANNEL_HANDLER
 */
public final class PortGuard implements ExtendedNettyChannelHandler {

    private final ConnectionGate gate;
    private final int maxFrameBytes;
    private final RefusalListener listener;

    /**
     * @param gate a gate for this port alone: its connection count is the port's
     */
    public PortGuard(ConnectionGate gate, int maxFrameBytes, RefusalListener listener) {
        this.gate = gate;
        this.maxFrameBytes = maxFrameBytes;
        this.listener = listener;
    }

    /** A port guarded by {@code limits}, with a gate of its own on {@code millis}. */
    public static PortGuard of(GuardLimits limits, LongSupplier millis, RefusalListener listener) {
        return new PortGuard(new ConnectionGate(limits.maxNewConnectionsPerIpPerSecond(), limits.maxConnections(),
                millis), limits.maxFrameBytes(), listener);
    }

    @Override
    public List<ChannelHandler> frontChannelHandlers() {
        return List.of(new ConnectionAdmission(gate, listener), new FrameGuard(maxFrameBytes, listener));
    }

    @Override
    public List<ChannelHandler> backChannelHandlers() {
        return List.of();
    }

    /** Connections admitted and still open. */
    public int openConnections() {
        return gate.open();
    }
}
