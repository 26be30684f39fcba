package io.weft.codec.bolt.guard;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import java.net.SocketAddress;

/**
 * First handler of each channel of a guarded port: asks the {@link ConnectionGate} as soon as the channel is set up
 * and closes a refused one at once. A refused channel never reaches the server: Bolt's {@code CONNECT} event, which
 * servers count connections by, and any bytes are dropped here, so a flood leaves no line per connection in the
 * server's connection log. Each refusal goes to a {@link RefusalListener}.
 *
 * <p>One instance per channel, used on its event loop only.
 */
public final class ConnectionAdmission extends ChannelInboundHandlerAdapter {

    private final ConnectionGate gate;
    private final RefusalListener listener;
    private boolean refused;

    public ConnectionAdmission(ConnectionGate gate, RefusalListener listener) {
        this.gate = gate;
        this.listener = listener;
    }

    /**
     * Bolt adds this handler while it sets the accepted channel up, before it announces the connection, so the
     * verdict comes before anything else sees the channel.
     */
    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        SocketAddress remote = ctx.channel().remoteAddress();
        ConnectionRefusal refusal = gate.admit(RemoteAddress.ip(remote));
        if (refusal == null) {
            ctx.channel().closeFuture().addListener(closed -> gate.closed());
            return;
        }
        refused = true;
        listener.connectionRefused(refusal, remote,
                refusal == ConnectionRefusal.RATE ? gate.perIpPerSecond() : gate.maxConnections());
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
