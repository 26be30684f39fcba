package io.weft.drm.server.core;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * The accepted connections of a server, so a stop closes them (and lets their handlers see the close)
 * before the event loops go away. Sharable; first in the pipeline.
 */
@ChannelHandler.Sharable
public final class OpenChannels extends ChannelInboundHandlerAdapter {

    private final Set<Channel> open = ConcurrentHashMap.newKeySet();

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        open.add(ctx.channel());
        ctx.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        open.remove(ctx.channel());
        ctx.fireChannelInactive();
    }

    public int size() {
        return open.size();
    }

    /** Closes every connection and waits (bounded) until they are closed. */
    public void closeAll() {
        List<ChannelFuture> closing = open.stream().map(Channel::close).toList();
        for (ChannelFuture f : closing) {
            f.awaitUninterruptibly(2, TimeUnit.SECONDS);
        }
    }
}
