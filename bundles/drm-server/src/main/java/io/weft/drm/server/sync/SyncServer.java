package io.weft.drm.server.sync;

import java.net.InetSocketAddress;
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
import io.netty.util.concurrent.EventExecutorGroup;
import io.weft.drm.protocol.FrameDecoder;
import io.weft.drm.protocol.FrameEncoder;
import io.weft.drm.server.core.OpenChannels;
import io.weft.drm.server.core.Settings;

/**
 * The drmdata-to-drmdata server on {@code syncPort} (9870): frame codec, then {@link SyncHandler} (which
 * hands publishes to the worker group: they read the store). Binding again closes the old listening socket.
 */
public final class SyncServer {

    private static final Logger LOG = LoggerFactory.getLogger(SyncServer.class);

    private final EventLoopGroup io;
    private final EventExecutorGroup workers;
    private final Supplier<Settings> settings;
    private final SyncHandler handler;
    private final FrameEncoder encoder = new FrameEncoder();
    private final OpenChannels open = new OpenChannels();
    private volatile Channel server;

    public SyncServer(EventLoopGroup io, EventExecutorGroup workers, Supplier<Settings> settings, Publisher publisher) {
        this.io = io;
        this.workers = workers;
        this.settings = settings;
        this.handler = new SyncHandler(publisher, workers);
    }

    /**
     * @return the port bound
     * @throws IllegalStateException naming the address when it cannot be bound
     */
    public synchronized int bind() {
        close();
        Settings s = settings.get();
        ServerBootstrap b = new ServerBootstrap()
                .group(io)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(open, new FrameDecoder(settings.get().maxFrameBytes()), encoder, handler);
                    }
                });
        InetSocketAddress address = new InetSocketAddress(s.bindAddress(), s.syncPort());
        try {
            Channel ch = b.bind(address).syncUninterruptibly().channel();
            server = ch;
            int port = ((InetSocketAddress) ch.localAddress()).getPort();
            LOG.info("drmdata sync port listening on {}:{}", s.bindAddress(), port);
            return port;
        } catch (Exception e) {
            // Netty rethrows the BindException unchecked through syncUninterruptibly.
            throw new IllegalStateException("cannot listen for drmdata peers on " + s.bindAddress() + ":"
                    + s.syncPort() + ": " + e.getMessage(), e);
        }
    }

    public boolean isBound() {
        Channel ch = server;
        return ch != null && ch.isActive();
    }

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
