package io.weft.drm.server.connection;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.AttributeKey;
import io.netty.util.ReferenceCountUtil;
import io.weft.drm.protocol.ErrorReply;

/**
 * Counts open client connections and refuses one over {@code maxConnections} with an
 * {@code UNAVAILABLE} error, so the client goes to another node. Sharable; first in the pipeline.
 */
@ChannelHandler.Sharable
public final class ConnectionLimit extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionLimit.class);
    private static final long WARN_EVERY_MILLIS = 10_000;

    private static final AttributeKey<Boolean> REFUSED = AttributeKey.valueOf("weft.drm.refused");

    private final IntSupplier max;
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicLong lastWarned = new AtomicLong();

    public ConnectionLimit(IntSupplier max) {
        this.max = max;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        int now = open.incrementAndGet();
        if (now > max.getAsInt()) {
            long t = System.currentTimeMillis();
            long last = lastWarned.get();
            if (t - last > WARN_EVERY_MILLIS && lastWarned.compareAndSet(last, t)) {
                LOG.warn("drm client connection from {} refused: {} connections open, maxConnections is {}",
                        ctx.channel().remoteAddress(), now - 1, max.getAsInt());
            }
            ctx.channel().attr(REFUSED).set(Boolean.TRUE);
            // Through the whole pipeline: the frame encoder sits after this handler.
            ctx.channel().writeAndFlush(new ErrorReply(0, "UNAVAILABLE", "this drmdata node holds its maximum of "
                    + max.getAsInt() + " connections; use another node")).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (ctx.channel().hasAttr(REFUSED)) {
            ReferenceCountUtil.release(msg);
            return;
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        open.decrementAndGet();
        ctx.fireChannelInactive();
    }

    /** Connections open now (refused ones included until they are closed). */
    public int open() {
        return open.get();
    }
}
