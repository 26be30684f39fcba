package io.weft.drm.server.connection;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.concurrent.RejectedExecutionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.concurrent.EventExecutor;
import io.weft.drm.protocol.Ack;
import io.weft.drm.protocol.ErrorReply;
import io.weft.drm.protocol.Heartbeat;
import io.weft.drm.protocol.HeartbeatAck;
import io.weft.drm.protocol.ProtocolException;
import io.weft.drm.protocol.Register;
import io.weft.drm.protocol.Registered;
import io.weft.drm.protocol.Subscribe;
import io.weft.drm.server.heartbeat.HeartbeatChecker;
import io.weft.drm.server.push.Pusher;

/**
 * One client connection on 9880. The first frame must be a {@link Register}; then {@link Subscribe},
 * {@link Heartbeat} and {@link Ack} are served. A malformed frame, or a frame before the registration,
 * is answered with an {@link ErrorReply} and closes this connection only. Frames are handled on one
 * worker thread chosen for the connection (registration reads the store, which must not stall the I/O
 * thread), in the order they arrived. Not sharable.
 */
public final class ClientHandler extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(ClientHandler.class);

    private final Registrar registrar;
    private final HeartbeatChecker heartbeats;
    private final Pusher pusher;
    private final EventExecutor worker;
    /** Only accessed by {@link #worker}. */
    private ClientSession session;

    public ClientHandler(Registrar registrar, HeartbeatChecker heartbeats, Pusher pusher, EventExecutor worker) {
        this.registrar = registrar;
        this.heartbeats = heartbeats;
        this.pusher = pusher;
        this.worker = worker;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        onWorker(() -> handle(ctx, msg));
    }

    /** Runs on the worker; when the worker is gone (the node is stopping), here. */
    private void onWorker(Runnable task) {
        try {
            worker.execute(task);
        } catch (RejectedExecutionException stopping) {
            task.run();
        }
    }

    private void handle(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof ProtocolException e) {
            LOG.warn("malformed frame from drm client {}: {} {}; closing that connection",
                    ctx.channel().remoteAddress(), e.code(), e.getMessage());
            closeWith(ctx, new ErrorReply(0, e.code(), e.getMessage()));
            return;
        }
        if (session == null) {
            if (msg instanceof Register r) {
                register(ctx, r);
            } else {
                LOG.info("drm client {} sent {} before registering; closing", ctx.channel().remoteAddress(),
                        msg.getClass().getSimpleName());
                closeWith(ctx, new ErrorReply(0, "NOT_REGISTERED", "the first frame must be a register frame"));
            }
            return;
        }
        if (msg instanceof Heartbeat h) {
            try {
                HeartbeatAck ack = heartbeats.check(session, h);
                ctx.writeAndFlush(ack);
            } catch (RuntimeException e) {
                LOG.warn("heartbeat of {} from {} failed: {}", session.instanceId(), session.clientIp(), e.getMessage());
                ctx.writeAndFlush(new ErrorReply(h.requestId(), "UNAVAILABLE", "heartbeat check failed: "
                        + e.getMessage()));
            }
        } else if (msg instanceof Ack a) {
            pusher.acknowledged(session, a);
        } else if (msg instanceof Subscribe s) {
            Registered answer = registrar.subscribe(session, s);
            ctx.writeAndFlush(answer);
            if (answer.ok()) {
                registrar.afterAnswer(session, answer.versions());
            }
        } else if (msg instanceof Register r) {
            ctx.writeAndFlush(new ErrorReply(r.requestId(), "BAD_REQUEST", "this connection is already registered"));
        } else {
            LOG.info("drm client {} sent a {} frame, which is not served on the client port; closing",
                    ctx.channel().remoteAddress(), msg.getClass().getSimpleName());
            closeWith(ctx, new ErrorReply(0, "BAD_REQUEST", msg.getClass().getSimpleName()
                    + " is not served on the client port"));
        }
    }

    private void register(ChannelHandlerContext ctx, Register r) {
        Registrar.Outcome outcome = registrar.register(ctx.channel(), ipOf(ctx.channel().remoteAddress()), r);
        if (outcome.session() == null) {
            ctx.writeAndFlush(outcome.answer()).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        session = outcome.session();
        ctx.writeAndFlush(outcome.answer());
        registrar.afterAnswer(session, outcome.answer().versions());
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        onWorker(() -> {
            if (session != null) {
                registrar.unregistered(session);
                session = null;
            }
        });
        ctx.fireChannelInactive();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof IdleStateEvent) {
            LOG.info("drm client {} silent for 3 heartbeat periods; closing its connection",
                    ctx.channel().remoteAddress());
            ctx.close();
            return;
        }
        ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("drm client connection {} failed: {}", ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }

    private static void closeWith(ChannelHandlerContext ctx, ErrorReply reply) {
        ctx.writeAndFlush(reply).addListener(ChannelFutureListener.CLOSE);
    }

    static String ipOf(SocketAddress address) {
        if (address instanceof InetSocketAddress a) {
            return a.getAddress() != null ? a.getAddress().getHostAddress() : a.getHostString();
        }
        return String.valueOf(address);
    }
}
