package io.weft.drm.client.connection;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.ScheduledFuture;

import io.weft.api.osp.RequestSigning;
import io.weft.drm.client.log.ClientLog;
import io.weft.drm.client.pull.PullClient;
import io.weft.drm.client.pull.UpdatePipeline;
import io.weft.drm.client.resource.ResourceTable;
import io.weft.drm.protocol.Ack;
import io.weft.drm.protocol.ErrorReply;
import io.weft.drm.protocol.FrameDecoder;
import io.weft.drm.protocol.FrameEncoder;
import io.weft.drm.protocol.Heartbeat;
import io.weft.drm.protocol.HeartbeatAck;
import io.weft.drm.protocol.Notify;
import io.weft.drm.protocol.ProtocolException;
import io.weft.drm.protocol.Register;
import io.weft.drm.protocol.Registered;
import io.weft.drm.protocol.SignatureAttributes;
import io.weft.drm.protocol.Subscribe;
import io.weft.drm.protocol.Subscription;
import io.weft.drm.protocol.VersionNotice;

/**
 * The client's one long connection to drmdata (DRM-7). Connects to the first node of the located list,
 * sends {@link Register} with every attribute and the version held; drmdata answers with the versions it
 * has, and the client pulls what it lacks. Then a {@link Heartbeat} every period (DRM-10), pulls for
 * what the heartbeat shows lagging, and for every {@link Notify} a pull, apply and {@link Ack}. When the
 * connection drops or the node goes silent, the next node is tried after a capped exponential backoff
 * (100 ms .. 5 s with jitter; 30 s after an AUTH_FAILED refusal), and the new registration tells the
 * client what it missed (DRM-28).
 *
 * <p>Threading: one Netty I/O thread ({@code weft-drm-client-io}) owns every field below marked "I/O thread";
 * ACVIP lookups run on the blocking executor, pulls and callbacks elsewhere (see {@link UpdatePipeline}),
 * so nothing slow ever runs on the I/O thread.
 */
public final class ServerConnection implements AutoCloseable {

    /** Reported in Register, for drmdata's logs. */
    public static final String CLIENT_VERSION = "weft-drm-client/1.0";
    private static final long AUTH_RETRY_MILLIS = 30_000;
    private static final String AUTH_FAILED = "AUTH_FAILED";
    private static final int DEFAULT_HEARTBEAT_SECONDS = 30;

    private final ConnectionSettings settings;
    private final ServerLocator locator;
    private final ResourceTable table;
    private final UpdatePipeline pipeline;
    private final PullClient pull;
    private final ClientLog log;
    private final Executor blocking;
    private final Clock clock;
    private final EventLoopGroup group;
    private final EventLoop loop;
    private final Bootstrap bootstrap;
    private final AtomicLong requestIds = new AtomicLong();
    private final CompletableFuture<Void> firstSync = new CompletableFuture<>();
    private volatile boolean closed;

    // I/O thread only
    private final Backoff backoff;
    private List<ServerAddress> candidates = List.of();
    private int nextCandidate;
    private Channel channel;
    private ServerAddress server;
    private long registerRequestId;
    private boolean registered;
    private final Set<String> sentKeys = new HashSet<>();
    private ScheduledFuture<?> heartbeat;
    private String refusedCode;

    public ServerConnection(ConnectionSettings settings, ServerLocator locator, ResourceTable table,
            UpdatePipeline pipeline, PullClient pull, ClientLog log, Executor blocking, Clock clock, Random random) {
        this.settings = settings;
        this.locator = locator;
        this.table = table;
        this.pipeline = pipeline;
        this.pull = pull;
        this.log = log;
        this.blocking = blocking;
        this.clock = clock;
        this.backoff = new Backoff(100, 5_000, random);
        this.group = new NioEventLoopGroup(1, new DefaultThreadFactory("weft-drm-client-io", true));
        this.loop = group.next();
        this.bootstrap = new Bootstrap()
                .group(group)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) settings.connectTimeout().toMillis())
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.SO_KEEPALIVE, true)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new FrameDecoder(FrameDecoder.DEFAULT_MAX_FRAME_BYTES),
                                new FrameEncoder(), new ClientHandler(ServerConnection.this));
                    }
                });
    }

    /** Starts connecting in the background. */
    public void start() {
        onLoop(this::connectNext);
    }

    /**
     * Completes when the first registration is answered and the values it announced are pulled and
     * applied (or failed); never completes while no node accepts the client.
     */
    public CompletableFuture<Void> firstSync() {
        return firstSync;
    }

    /** Sends the attributes not yet announced on this connection (a resource registered after start). */
    public void subscribeNew() {
        onLoop(this::syncSubscriptions);
    }

    /** Attributes of a closed registration: announced again if registered anew. */
    public void forget(Collection<String> keys) {
        List<String> copy = List.copyOf(keys);
        onLoop(() -> sentKeys.removeAll(copy));
    }

    // ---- connecting (I/O thread) ----

    private void connectNext() {
        if (closed) {
            return;
        }
        if (nextCandidate >= candidates.size()) {
            locateThenConnect();
            return;
        }
        dial(candidates.get(nextCandidate++));
    }

    private void locateThenConnect() {
        try {
            blocking.execute(() -> {
                List<ServerAddress> found;
                try {
                    found = locator.locate();
                } catch (IOException | RuntimeException e) {
                    log.error(e.getMessage() == null ? e.toString() : e.getMessage());
                    onLoop(() -> retryLater(backoff.nextDelayMillis()));
                    return;
                }
                onLoop(() -> {
                    candidates = List.copyOf(found);
                    nextCandidate = 0;
                    if (candidates.isEmpty()) {
                        retryLater(backoff.nextDelayMillis());
                    } else {
                        connectNext();
                    }
                });
            });
        } catch (RejectedExecutionException e) {
            // Closing.
        }
    }

    private void retryLater(long delayMillis) {
        if (!closed) {
            try {
                loop.schedule(this::connectNext, delayMillis, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                // Closing.
            }
        }
    }

    private void dial(ServerAddress address) {
        bootstrap.connect(address.host(), address.port()).addListener((ChannelFuture f) -> {
            if (!f.isSuccess()) {
                log.error("cannot connect to drmdata " + address + ": " + f.cause());
                retryLater(backoff.nextDelayMillis());
                return;
            }
            Channel ch = f.channel();
            if (closed) {
                ch.close();
                return;
            }
            channel = ch;
            server = address;
            registered = false;
            sentKeys.clear();
            ch.closeFuture().addListener(c -> onClosed(ch));
            sendRegister(ch);
        });
    }

    private void sendRegister(Channel ch) {
        List<Subscription> holdings = table.holdings();
        for (Subscription s : holdings) {
            sentKeys.add(s.key());
        }
        registerRequestId = requestIds.incrementAndGet();
        String ip = settings.clientIp().isEmpty() ? localIp(ch) : settings.clientIp();
        ch.writeAndFlush(new Register(registerRequestId, settings.instanceId(), settings.appName(), ip,
                settings.zone(), settings.dataCenter(), CLIENT_VERSION, signature(), holdings))
                .addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
    }

    /** OSP signature over {@code instanceId + timestamp}, the exact millisecond, as drmdata verifies it. */
    private SignatureAttributes signature() {
        if (settings.accessKey().isEmpty()) {
            return null;
        }
        long timestamp = clock.millis();
        String signed = RequestSigning.sign(settings.secretKey(),
                RequestSigning.stringToSign(settings.instanceId(), timestamp, ""));
        return new SignatureAttributes(settings.accessKey(), RequestSigning.HMAC_SHA256, timestamp, signed);
    }

    // ---- reading (I/O thread, from ClientHandler) ----

    void onMessage(Channel ch, Object message) {
        if (ch != channel) {
            return;
        }
        if (message instanceof Registered r) {
            onRegistered(ch, r);
        } else if (message instanceof Notify n) {
            onNotify(ch, n);
        } else if (message instanceof HeartbeatAck a) {
            pull.token(a.pullToken());
            requestAll(a.lagging(), null);
        } else if (message instanceof ErrorReply e) {
            log.error("drmdata " + server + " answered request " + e.requestId() + " with " + e.code() + ": "
                    + e.message());
        } else if (message instanceof ProtocolException e) {
            log.error("unreadable frame from drmdata " + server + " (" + e.code() + "): " + e.getMessage()
                    + "; reconnecting");
            ch.close();
        } else {
            log.error("unexpected " + message.getClass().getSimpleName() + " from drmdata " + server + ", ignored");
        }
    }

    private void onRegistered(Channel ch, Registered r) {
        if (r.requestId() != registerRequestId) {
            onSubscribed(r);
            return;
        }
        if (!r.ok()) {
            refusedCode = r.errorCode();
            log.monitor("registerfail " + settings.instanceId() + " server=" + server + " code=" + r.errorCode()
                    + " message=" + r.message());
            log.error("drmdata " + server + " refused the registration of " + settings.instanceId() + ": "
                    + r.errorCode() + " " + r.message());
            ch.close();
            return;
        }
        registered = true;
        backoff.reset();
        pull.endpoints(r.pullEndpoints());
        pull.token(r.pullToken());
        log.monitor("registersuccess " + settings.instanceId() + " server=" + server + " attributes="
                + sentKeys.size());
        startHeartbeat(ch, r.heartbeatSeconds());
        requestAll(r.versions(), firstSync.isDone() ? null : firstSync);
        syncSubscriptions();
    }

    private void onSubscribed(Registered r) {
        if (!r.ok()) {
            log.error("drmdata " + server + " refused a subscription of " + settings.instanceId() + ": "
                    + r.errorCode() + " " + r.message());
            return;
        }
        pull.endpoints(r.pullEndpoints());
        pull.token(r.pullToken());
        requestAll(r.versions(), null);
    }

    private void onNotify(Channel ch, Notify n) {
        pipeline.request(n.key(), n.version(), (ok, version, error) -> {
            if (ch.isActive()) {
                ch.writeAndFlush(new Ack(n.pushId(), n.key(), version, ok, error));
            }
        });
    }

    /** Asks for every announced version; {@code barrier}, when given, completes once all are handled. */
    private void requestAll(List<VersionNotice> notices, CompletableFuture<Void> barrier) {
        List<CompletableFuture<Void>> handled = new ArrayList<>();
        for (VersionNotice notice : notices) {
            if (barrier == null) {
                pipeline.request(notice.key(), notice.version(), UpdatePipeline.Completion.NONE);
            } else {
                CompletableFuture<Void> done = new CompletableFuture<>();
                handled.add(done);
                pipeline.request(notice.key(), notice.version(), (ok, version, error) -> done.complete(null));
            }
        }
        if (barrier != null) {
            CompletableFuture.allOf(handled.toArray(new CompletableFuture<?>[0]))
                    .whenComplete((ignored, e) -> barrier.complete(null));
        }
    }

    private void syncSubscriptions() {
        if (!registered || channel == null) {
            return;
        }
        List<Subscription> fresh = new ArrayList<>();
        for (Subscription s : table.holdings()) {
            if (sentKeys.add(s.key())) {
                fresh.add(s);
            }
        }
        if (!fresh.isEmpty()) {
            channel.writeAndFlush(new Subscribe(requestIds.incrementAndGet(), fresh))
                    .addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
        }
    }

    private void startHeartbeat(Channel ch, int serverSeconds) {
        Duration period = settings.heartbeat() != null ? settings.heartbeat()
                : Duration.ofSeconds(serverSeconds > 0 ? serverSeconds : DEFAULT_HEARTBEAT_SECONDS);
        long millis = Math.max(10, period.toMillis());
        // drmdata answers every heartbeat: three periods without a frame means the node is gone.
        ch.pipeline().addFirst("silence", new IdleStateHandler(3 * millis + 1_000, 0, 0, TimeUnit.MILLISECONDS));
        heartbeat = loop.scheduleAtFixedRate(() -> {
            if (ch == channel && registered) {
                ch.writeAndFlush(new Heartbeat(requestIds.incrementAndGet(), table.holdings()))
                        .addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
            }
        }, millis, millis, TimeUnit.MILLISECONDS);
    }

    void onSilent(Channel ch) {
        if (ch == channel) {
            log.error("drmdata " + server + " sent nothing for three heartbeat periods; reconnecting");
            ch.close();
        }
    }

    void onFailure(Channel ch, Throwable cause) {
        if (ch == channel && !closed) {
            log.error("connection to drmdata " + server + " failed: " + cause);
        }
        ch.close();
    }

    private void onClosed(Channel ch) {
        if (ch != channel) {
            return;
        }
        boolean wasRegistered = registered;
        channel = null;
        registered = false;
        if (heartbeat != null) {
            heartbeat.cancel(false);
            heartbeat = null;
        }
        if (closed) {
            return;
        }
        if (wasRegistered) {
            log.monitor("disconnected " + settings.instanceId() + " server=" + server);
        }
        long delay = AUTH_FAILED.equals(refusedCode) ? AUTH_RETRY_MILLIS : backoff.nextDelayMillis();
        refusedCode = null;
        retryLater(delay);
    }

    private void onLoop(Runnable task) {
        try {
            loop.execute(task);
        } catch (RejectedExecutionException e) {
            // Closing.
        }
    }

    private static String localIp(Channel ch) {
        return ch.localAddress() instanceof InetSocketAddress a && a.getAddress() != null
                ? a.getAddress().getHostAddress() : "";
    }

    /** Closes the connection and stops the I/O thread; waits for it (bounded). */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        onLoop(() -> {
            if (channel != null) {
                channel.close();
            }
        });
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }
}
