package io.weft.registry.session.connection;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import io.weft.registry.session.connection.RefusalCounts.ConnectionRefusal;
import java.net.SocketAddress;

/**
 * First handler of each client channel: asks the {@link ConnectionGate} as soon as the channel is set up and
 * closes a refused one at once. A refused channel never reaches the session: Bolt's {@code CONNECT} event, which
 * the session counts connections by, and any bytes are dropped here, so a flood leaves no line per connection in
 * registry-connect.log. Refusals are logged through a {@link LogThrottle}, one line per address and interval.
 *
 * <p>One instance per channel, used on its event loop only.
 */
final class ConnectionAdmission extends ChannelInboundHandlerAdapter {

    private final ConnectionGate gate;
    private final RefusalCounts counts;
    private final LogThrottle log;
    private boolean refused;

    ConnectionAdmission(ConnectionGate gate, RefusalCounts counts, LogThrottle log) {
        this.gate = gate;
        this.counts = counts;
        this.log = log;
    }

    /**
     * Bolt adds this handler while it sets the accepted channel up, before it announces the connection, so the
     * verdict comes before anything else sees the channel.
     */
    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        SocketAddress remote = ctx.channel().remoteAddress();
        String ip = RemoteAddress.ip(remote);
        ConnectionRefusal refusal = gate.admit(ip);
        if (refusal == null) {
            ctx.channel().closeFuture().addListener(closed -> gate.closed());
            return;
        }
        refused = true;
        counts.connectionRefused(refusal);
        if (refusal == ConnectionRefusal.RATE) {
            log.error("rate " + ip, "[connection] refused new connections from {}: more than {} in one second"
                    + " (a reconnect loop or a flood); they are closed at once", ip, gate.perIpPerSecond());
        } else {
            log.error("limit", "[connection] refused a connection from {}: {} client connections are open, the"
                    + " configured maximum", RemoteAddress.text(remote), gate.maxConnections());
        }
        ctx.close();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (refused) {
            ReferenceCountUtil.release(event);
            return;
        }
        super.userEventTriggered(ctx, event);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (refused) {
            ReferenceCountUtil.release(msg);
            return;
        }
        ctx.fireChannelRead(msg);
    }
}
