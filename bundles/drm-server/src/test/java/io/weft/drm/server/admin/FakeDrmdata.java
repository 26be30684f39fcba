package io.weft.drm.server.admin;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.weft.drm.protocol.DrmMessage;
import io.weft.drm.protocol.FrameDecoder;
import io.weft.drm.protocol.FrameEncoder;
import io.weft.drm.protocol.Holders;
import io.weft.drm.protocol.HoldersQuery;
import io.weft.drm.protocol.Publish;
import io.weft.drm.protocol.PublishAck;

/**
 * The sync port of a drmdata node as far as the console sees it: answers {@link Publish} with a
 * {@link PublishAck} and {@link HoldersQuery} with its holders, or, when silent, reads and never answers.
 * Listens on 127.0.0.1, on a free port.
 */
final class FakeDrmdata implements AutoCloseable {

    private final EventLoopGroup group = new NioEventLoopGroup(1);
    private final List<DrmMessage> received = new CopyOnWriteArrayList<>();
    private final Channel server;
    private final String nodeId;

    FakeDrmdata(boolean silent, int notifiedClients, List<Holders.Holder> holders) throws InterruptedException {
        server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new FrameDecoder(FrameDecoder.DEFAULT_MAX_FRAME_BYTES), new FrameEncoder(),
                                new SimpleChannelInboundHandler<DrmMessage>() {
                                    @Override
                                    protected void channelRead0(ChannelHandlerContext ctx, DrmMessage m) {
                                        received.add(m);
                                        if (silent) {
                                            return;
                                        }
                                        if (m instanceof Publish p) {
                                            ctx.writeAndFlush(new PublishAck(p.requestId(), nodeId(), notifiedClients, 0, 0));
                                        } else if (m instanceof HoldersQuery q) {
                                            ctx.writeAndFlush(new Holders(q.requestId(), nodeId(), holders));
                                        }
                                    }
                                });
                    }
                }).bind("127.0.0.1", 0).sync().channel();
        nodeId = "127.0.0.1:" + port();
    }

    int port() {
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    String nodeId() {
        return nodeId;
    }

    List<DrmMessage> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        server.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
