package io.weft.drm.server.sync;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.AttributeKey;
import io.netty.util.concurrent.EventExecutorGroup;
import io.weft.drm.protocol.DrmMessage;
import io.weft.drm.protocol.ErrorReply;
import io.weft.drm.protocol.FrameDecoder;
import io.weft.drm.protocol.FrameEncoder;
import io.weft.drm.protocol.Holders;
import io.weft.drm.protocol.HoldersQuery;
import io.weft.drm.protocol.ProtocolException;
import io.weft.drm.protocol.Publish;
import io.weft.drm.protocol.PublishAck;

/**
 * A client of drmdata's sync port (9870): sends one request frame and completes with the answer that
 * carries the same {@code requestId}. Used by drmdata to relay a {@link Publish} to its peers and by the
 * console to publish and to ask who holds an attribute.
 *
 * <p>One connection per {@code host:port}, opened on first use and kept for the next requests (several
 * requests may be in flight on it at once); a connection that closes fails its pending requests and is
 * reopened by the next request. Thread-safe. {@link #close()} closes the connections, fails what is
 * pending and stops the client's event loop (one thread).
 */
public final class SyncClient implements AutoCloseable {

    private static final AttributeKey<Map<Long, CompletableFuture<DrmMessage>>> PENDING =
            AttributeKey.valueOf("weft.drm.sync.pending");

    private final EventLoopGroup group;
    private final Bootstrap bootstrap;
    /** Open or opening connection per {@code host:port}. */
    private final Map<String, ChannelFuture> connections = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /**
     * @param threadNamePrefix names the event loop thread ({@code prefix-1}), e.g. {@code weft-drm-sync-client}
     * @param maxFrameBytes    the largest answer frame accepted
     */
    public SyncClient(String threadNamePrefix, int maxFrameBytes) {
        Objects.requireNonNull(threadNamePrefix, "threadNamePrefix");
        this.group = new NioEventLoopGroup(1, namedThreads(threadNamePrefix));
        this.bootstrap = new Bootstrap()
                .group(group)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 2000)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.attr(PENDING).set(new ConcurrentHashMap<>());
                        ch.pipeline().addLast(new FrameDecoder(maxFrameBytes), new FrameEncoder(),
                                new AnswerHandler());
                    }
                });
    }

    /**
     * Sends {@code request} to {@code host:port}. The future completes with the answer frame of the same
     * request id (an {@link ErrorReply} is an answer too, and is returned as such), or exceptionally
     * naming the peer: cannot connect, connection closed, malformed answer, or no answer within
     * {@code timeout}.
     *
     * @param request a {@link Publish} or {@link HoldersQuery} (any frame with a request id)
     */
    public CompletableFuture<DrmMessage> request(String host, int port, DrmMessage request, Duration timeout) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(timeout, "timeout");
        String peer = host + ":" + port;
        CompletableFuture<DrmMessage> answer = new CompletableFuture<>();
        if (closed) {
            answer.completeExceptionally(new IllegalStateException("sync client is closed"));
            return answer;
        }
        long requestId = RequestIds.of(request);
        ChannelFuture connecting;
        try {
            connecting = connection(host, port);
        } catch (RuntimeException e) {
            answer.completeExceptionally(new IllegalStateException("cannot connect to drmdata " + peer + ": " + e, e));
            return answer;
        }
        connecting.addListener(f -> {
            if (!f.isSuccess()) {
                connections.remove(peer, connecting);
                answer.completeExceptionally(new IllegalStateException(
                        "cannot connect to drmdata " + peer + ": " + describe(f.cause()), f.cause()));
                return;
            }
            Channel channel = connecting.channel();
            Map<Long, CompletableFuture<DrmMessage>> pending = channel.attr(PENDING).get();
            CompletableFuture<DrmMessage> previous = pending.putIfAbsent(requestId, answer);
            if (previous != null) {
                answer.completeExceptionally(new IllegalStateException(
                        "request id " + requestId + " already in flight to drmdata " + peer));
                return;
            }
            answer.whenComplete((r, e) -> pending.remove(requestId, answer));
            if (!channel.isActive()) {
                answer.completeExceptionally(new IllegalStateException("connection to drmdata " + peer + " closed"));
                return;
            }
            channel.writeAndFlush(request).addListener(w -> {
                if (!w.isSuccess()) {
                    answer.completeExceptionally(new IllegalStateException(
                            "cannot send to drmdata " + peer + ": " + describe(w.cause()), w.cause()));
                }
            });
        });
        group.schedule(() -> answer.completeExceptionally(new TimeoutException(
                "no answer from drmdata " + peer + " within " + timeout.toMillis() + " ms")),
                timeout.toMillis(), TimeUnit.MILLISECONDS);
        return answer;
    }

    /** The client's event loop, for drmdata-threadpool.log. */
    public EventExecutorGroup eventLoops() {
        return group;
    }

    @Override
    public void close() {
        closed = true;
        for (ChannelFuture f : connections.values()) {
            f.channel().close();
        }
        connections.clear();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }

    private ChannelFuture connection(String host, int port) {
        String peer = host + ":" + port;
        return connections.compute(peer, (k, existing) -> {
            if (existing != null && (!existing.isDone() || existing.channel().isActive())) {
                return existing;
            }
            ChannelFuture f = bootstrap.connect(new InetSocketAddress(host, port));
            Channel ch = f.channel();
            ch.closeFuture().addListener(c -> {
                connections.remove(peer, f);
                Map<Long, CompletableFuture<DrmMessage>> pending = ch.attr(PENDING).get();
                if (pending != null) {
                    IllegalStateException gone = new IllegalStateException(
                            "connection to drmdata " + peer + " closed before it answered");
                    pending.values().forEach(p -> p.completeExceptionally(gone));
                }
            });
            return f;
        });
    }

    private static String describe(Throwable t) {
        return t == null ? "unknown error" : (t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage());
    }

    private static ThreadFactory namedThreads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Completes the pending request an answer names; fails them all on a malformed answer. */
    private static final class AnswerHandler extends SimpleChannelInboundHandler<Object> {

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, Object msg) {
            Map<Long, CompletableFuture<DrmMessage>> pending = ctx.channel().attr(PENDING).get();
            if (msg instanceof ProtocolException e) {
                IllegalStateException bad = new IllegalStateException("malformed answer from drmdata "
                        + ctx.channel().remoteAddress() + ": " + e.code() + " " + e.getMessage());
                pending.values().forEach(p -> p.completeExceptionally(bad));
                ctx.close();
                return;
            }
            if (msg instanceof DrmMessage m) {
                long id = RequestIds.of(m);
                CompletableFuture<DrmMessage> p = pending.get(id);
                if (p != null) {
                    p.complete(m);
                } else if (m instanceof ErrorReply && id == 0) {
                    // The peer could not read our frame and closes: every pending request failed.
                    IllegalStateException bad = new IllegalStateException("drmdata " + ctx.channel().remoteAddress()
                            + " refused a request: " + ((ErrorReply) m).code() + " " + ((ErrorReply) m).message());
                    pending.values().forEach(f -> f.completeExceptionally(bad));
                }
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
