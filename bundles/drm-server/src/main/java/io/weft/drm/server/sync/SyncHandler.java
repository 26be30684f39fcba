package io.weft.drm.server.sync;

import java.util.concurrent.RejectedExecutionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.concurrent.EventExecutorGroup;
import io.weft.drm.protocol.ErrorReply;
import io.weft.drm.protocol.HoldersQuery;
import io.weft.drm.protocol.ProtocolException;
import io.weft.drm.protocol.Publish;

/**
 * A connection on the sync port: {@link Publish} and {@link HoldersQuery} from peers and the console,
 * answered by request id (several may be in flight on one connection). A malformed frame closes this
 * connection only. Sharable.
 */
@ChannelHandler.Sharable
public final class SyncHandler extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(SyncHandler.class);

    private final Publisher publisher;
    private final EventExecutorGroup workers;

    public SyncHandler(Publisher publisher, EventExecutorGroup workers) {
        this.publisher = publisher;
        this.workers = workers;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof ProtocolException e) {
            LOG.warn("malformed frame on the drm sync port from {}: {} {}; closing that connection",
                    ctx.channel().remoteAddress(), e.code(), e.getMessage());
            ctx.writeAndFlush(new ErrorReply(0, e.code(), e.getMessage())).addListener(ChannelFutureListener.CLOSE);
        } else if (msg instanceof Publish p) {
            try {
                workers.execute(() -> publish(ctx, p));
            } catch (RejectedExecutionException stopping) {
                ctx.writeAndFlush(new ErrorReply(p.requestId(), "UNAVAILABLE", "drmdata node is stopping"));
            }
        } else if (msg instanceof HoldersQuery q) {
            ctx.writeAndFlush(publisher.holders(q));
        } else {
            LOG.info("{} sent a {} frame, which is not served on the sync port; closing",
                    ctx.channel().remoteAddress(), msg.getClass().getSimpleName());
            ctx.writeAndFlush(new ErrorReply(0, "BAD_REQUEST", msg.getClass().getSimpleName()
                    + " is not served on the sync port")).addListener(ChannelFutureListener.CLOSE);
        }
    }

    private void publish(ChannelHandlerContext ctx, Publish p) {
        publisher.publish(p).whenComplete((answer, error) -> {
            if (error != null) {
                LOG.error("publish of {}/{} failed", p.instanceId(), p.key(), error);
                ctx.writeAndFlush(new ErrorReply(p.requestId(), "INTERNAL", String.valueOf(error.getMessage())));
            } else {
                ctx.writeAndFlush(answer);
            }
        });
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("drm sync connection {} failed: {}", ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }
}
