package io.weft.drm.client.connection;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.timeout.IdleStateEvent;

/** Hands what the connection reads to {@link ServerConnection}, on the I/O thread. One per channel. */
final class ClientHandler extends SimpleChannelInboundHandler<Object> {

    private final ServerConnection connection;

    ClientHandler(ServerConnection connection) {
        this.connection = connection;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, Object message) {
        connection.onMessage(ctx.channel(), message);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof IdleStateEvent) {
            connection.onSilent(ctx.channel());
        } else {
            super.userEventTriggered(ctx, event);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        connection.onFailure(ctx.channel(), cause);
    }
}
