package io.weft.drm.client;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.GlobalEventExecutor;

import io.weft.drm.protocol.Ack;
import io.weft.drm.protocol.DrmJson;
import io.weft.drm.protocol.DrmMessage;
import io.weft.drm.protocol.FrameDecoder;
import io.weft.drm.protocol.FrameEncoder;
import io.weft.drm.protocol.Heartbeat;
import io.weft.drm.protocol.HeartbeatAck;
import io.weft.drm.protocol.Notify;
import io.weft.drm.protocol.PullEndpoint;
import io.weft.drm.protocol.PullProtocol;
import io.weft.drm.protocol.Register;
import io.weft.drm.protocol.Registered;
import io.weft.drm.protocol.Subscribe;
import io.weft.drm.protocol.Subscription;
import io.weft.drm.protocol.VersionNotice;

/**
 * A test stand-in for a drmdata node: a 9880-style Netty server answering Register, Subscribe and
 * Heartbeat from an in-memory table of versions, sending Notify on demand, and an HTTP pull endpoint
 * serving the same table. Records every frame a client sent.
 */
final class FakeDrmdata implements AutoCloseable {

    static final String TOKEN = "test-token";

    record Value(long version, String value) {
    }

    final String nodeId;
    final List<DrmMessage> received = new CopyOnWriteArrayList<>();
    final List<String> pulls = new CopyOnWriteArrayList<>();
    /** What the pull endpoint serves; what Register/Heartbeat report unless {@link #announced} says otherwise. */
    final Map<String, Value> values = new ConcurrentHashMap<>();
    /** When set for a key: the version announced over the connection, regardless of {@link #values}. */
    final Map<String, Long> announced = new ConcurrentHashMap<>();
    volatile String refuseCode;
    private final EventLoopGroup group = new NioEventLoopGroup(1);
    private final ChannelGroup clients = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private final Channel server;
    private final HttpServer http;
    private final AtomicLong pushIds = new AtomicLong();
    final AtomicInteger registrations = new AtomicInteger();

    FakeDrmdata(String nodeId) throws Exception {
        this.nodeId = nodeId;
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext(PullProtocol.PATH, this::pull);
        http.start();
        server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        clients.add(ch);
                        ch.pipeline().addLast(new FrameDecoder(FrameDecoder.DEFAULT_MAX_FRAME_BYTES), new FrameEncoder(),
                                new Handler());
                    }
                })
                .bind("127.0.0.1", 0).sync().channel();
    }

    String address() {
        return "127.0.0.1:" + ((InetSocketAddress) server.localAddress()).getPort();
    }

    String pullBaseUrl() {
        return "http://127.0.0.1:" + http.getAddress().getPort();
    }

    void put(String key, long version, String value) {
        values.put(key, new Value(version, value));
    }

    /** Sends Notify to every connected client, as a push would (DRM-6 step 4). */
    void push(String key, long version, String value) {
        put(key, version, value);
        clients.writeAndFlush(new Notify(pushIds.incrementAndGet(), key, version));
    }

    /** Sends Notify without changing what the pull endpoint serves (a node that is behind). */
    void notifyOnly(String key, long version) {
        clients.writeAndFlush(new Notify(pushIds.incrementAndGet(), key, version));
    }

    int connectedClients() {
        return clients.size();
    }

    <T extends DrmMessage> List<T> receivedOf(Class<T> type) {
        List<T> list = new ArrayList<>();
        for (DrmMessage m : received) {
            if (type.isInstance(m)) {
                list.add(type.cast(m));
            }
        }
        return list;
    }

    private long versionOf(String key) {
        Long a = announced.get(key);
        if (a != null) {
            return a;
        }
        Value v = values.get(key);
        return v == null ? 0 : v.version();
    }

    private List<VersionNotice> versions(List<Subscription> subscriptions) {
        List<VersionNotice> list = new ArrayList<>();
        for (Subscription s : subscriptions) {
            list.add(new VersionNotice(s.key(), versionOf(s.key())));
        }
        return list;
    }

    private Registered registered(long requestId, List<Subscription> subscriptions) {
        return new Registered(requestId, true, "", "", versions(subscriptions),
                List.of(new PullEndpoint(pullBaseUrl(), "dc1", "", nodeId)), TOKEN, 30, nodeId);
    }

    private final class Handler extends SimpleChannelInboundHandler<Object> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, Object msg) {
            if (!(msg instanceof DrmMessage m)) {
                ctx.close();
                return;
            }
            received.add(m);
            if (m instanceof Register r) {
                registrations.incrementAndGet();
                if (refuseCode != null) {
                    ctx.writeAndFlush(Registered.refused(r.requestId(), refuseCode, "refused by test", nodeId))
                            .addListener(f -> ctx.close());
                } else {
                    ctx.writeAndFlush(registered(r.requestId(), r.subscriptions()));
                }
            } else if (m instanceof Subscribe s) {
                ctx.writeAndFlush(registered(s.requestId(), s.subscriptions()));
            } else if (m instanceof Heartbeat h) {
                List<VersionNotice> lagging = new ArrayList<>();
                for (Subscription s : h.holdings()) {
                    if (versionOf(s.key()) > s.version()) {
                        lagging.add(new VersionNotice(s.key(), versionOf(s.key())));
                    }
                }
                ctx.writeAndFlush(new HeartbeatAck(h.requestId(), lagging, TOKEN));
            }
        }
    }

    /** How many of the next pulls answer 503, as an overloaded node does. */
    final java.util.concurrent.atomic.AtomicInteger failNextPulls = new java.util.concurrent.atomic.AtomicInteger();

    private void pull(HttpExchange exchange) throws IOException {
        Map<String, String> query = query(exchange.getRequestURI());
        String key = query.get(PullProtocol.KEY);
        pulls.add(key + "@" + query.get(PullProtocol.VERSION));
        if (failNextPulls.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            respond(exchange, 503, new PullProtocol.PullError("UNAVAILABLE", "overloaded"));
            return;
        }
        if (!TOKEN.equals(exchange.getRequestHeaders().getFirst(PullProtocol.TOKEN_HEADER))) {
            respond(exchange, 401, new PullProtocol.PullError("AUTH_FAILED", "bad token"));
            return;
        }
        Value v = values.getOrDefault(key, new Value(0, null));
        respond(exchange, 200, new PullProtocol.PullResponse(query.get(PullProtocol.INSTANCE_ID), key, v.version(),
                v.value(), false));
    }

    private static void respond(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = DrmJson.mapper().writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> map = new HashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            map.put(java.net.URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return map;
    }

    /** Kills the node: every connection and both ports close at once. */
    @Override
    public void close() {
        clients.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
        server.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
        http.stop(0);
    }
}
