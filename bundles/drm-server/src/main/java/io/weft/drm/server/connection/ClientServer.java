package io.weft.drm.server.connection;

import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.EventExecutorGroup;
import io.weft.drm.protocol.FrameDecoder;
import io.weft.drm.protocol.FrameEncoder;
import io.weft.drm.server.core.OpenChannels;
import io.weft.drm.server.core.Settings;
import io.weft.drm.server.heartbeat.HeartbeatChecker;
import io.weft.drm.server.push.Pusher;

/**
 * The long-connection server on {@code clientPort} (DRM-3, 9880). Pipeline per connection:
 * {@link ConnectionLimit} → {@link IdleStateHandler} (a client silent for three heartbeat periods is
 * closed) → {@link FrameDecoder} → {@link FrameEncoder} → {@link ClientHandler} (which hands frames to a worker thread).
 * Binding again (a changed port) closes the old listening socket; open connections stay.
 */
public final class ClientServer {

    private static final Logger LOG = LoggerFactory.getLogger(ClientServer.class);

    private final EventLoopGroup io;
    private final EventExecutorGroup workers;
    private final Supplier<Settings> settings;
    private final Registrar registrar;
    private final HeartbeatChecker heartbeats;
    private final Pusher pusher;
    private final ConnectionLimit limit;
    private final FrameEncoder encoder = new FrameEncoder();
    private final OpenChannels open = new OpenChannels();
    private volatile Channel server;

    public ClientServer(EventLoopGroup io, EventExecutorGroup workers, Supplier<Settings> settings,
            Registrar registrar, HeartbeatChecker heartbeats, Pusher pusher) {
        this.io = io;
        this.workers = workers;
        this.settings = settings;
        this.registrar = registrar;
        this.heartbeats = heartbeats;
        this.pusher = pusher;
        this.limit = new ConnectionLimit(() -> settings.get().maxConnections());
    }

    /**
     * Binds {@code bindAddress:clientPort} (closing a previous listening socket first).
     *
     * @return the port bound
     * @throws IllegalStateException naming the address when it cannot be bound
     */
    public synchronized int bind() {
        close();
        Settings s = settings.get();
        ServerBootstrap b = new ServerBootstrap()
                .group(io)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.SO_KEEPALIVE, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        Settings now = settings.get();
                        ch.pipeline().addLast(open, limit,
                                new IdleStateHandler(now.heartbeatSeconds() * 3L, 0, 0, TimeUnit.SECONDS),
                                new FrameDecoder(now.maxFrameBytes()), encoder,
                                new ClientHandler(registrar, heartbeats, pusher, workers.next()));
                    }
                });
        InetSocketAddress address = new InetSocketAddress(s.bindAddress(), s.clientPort());
        try {
            Channel ch = b.bind(address).syncUninterruptibly().channel();
            server = ch;
            int port = ((InetSocketAddress) ch.localAddress()).getPort();
            LOG.info("drmdata client port listening on {}:{}", s.bindAddress(), port);
            return port;
        } catch (Exception e) {
            // Netty rethrows the BindException unchecked through syncUninterruptibly.
            throw new IllegalStateException("cannot listen for drm clients on " + s.bindAddress() + ":"
                    + s.clientPort() + ": " + e.getMessage(), e);
        }
    }

    /** Whether the listening socket is open. */
    public boolean isBound() {
        Channel ch = server;
        return ch != null && ch.isActive();
    }

    /** Open client connections. */
    public int connections() {
        return limit.open();
    }

    /** Closes the listening socket (connections stay until their clients or the event loops close them). */
    public synchronized void close() {
        Channel ch = server;
        server = null;
        if (ch != null) {
            ch.close().syncUninterruptibly();
        }
    }

    /** Closes the listening socket and every connection, waiting until their handlers saw the close. */
    public void closeAll() {
        close();
        open.closeAll();
    }
}
