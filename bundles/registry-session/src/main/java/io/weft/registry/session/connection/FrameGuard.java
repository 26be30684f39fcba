package io.weft.registry.session.connection;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import io.weft.registry.session.connection.BoltFrameHeader.MalformedFrameException;
import io.weft.registry.session.connection.RefusalCounts.FrameRefusal;
import java.net.SocketAddress;

/**
 * Reads the frame headers of a client's byte stream ahead of Bolt's decoder ({@link BoltFrameHeader}), and closes
 * the connection at a frame Bolt would buffer in full before refusing it (declared larger than {@code maxFrameBytes})
 * or could not read (unknown protocol code, version or command type, negative lengths). Bolt 1.6.7 accumulates a
 * frame up to its declared length, an int32, before any size check of the body runs (decision record 0017).
 *
 * <p>The bytes pass on untouched: it keeps no more than one fixed header (24 bytes) of its own and skips the rest
 * of each frame by count. A connection that closes in the middle of a frame is logged too: that frame was
 * truncated. Lines go through a {@link LogThrottle}, one per address and interval.
 *
 * <p>One instance per channel, used on its event loop only.
 */
final class FrameGuard extends ChannelInboundHandlerAdapter {

    private final int maxFrameBytes;
    private final RefusalCounts counts;
    private final LogThrottle log;
    private final byte[] header = new byte[BoltFrameHeader.MAX_LENGTH];
    /** Bytes of the current frame's fixed header seen so far. */
    private int headerFilled;
    /** The current frame's fixed header length, 0 while not known. */
    private int headerLength;
    /** The current frame's declared length, once its header is complete. */
    private long frameLength;
    /** Bytes of the current frame still to come after its fixed header. */
    private long bodyLeft;
    private boolean refused;
    /** The client's address, kept from the start: a closed channel may no longer tell it. */
    private SocketAddress remote;

    FrameGuard(int maxFrameBytes, RefusalCounts counts, LogThrottle log) {
        this.maxFrameBytes = maxFrameBytes;
        this.counts = counts;
        this.log = log;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        remote = ctx.channel().remoteAddress();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (refused) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (!(msg instanceof ByteBuf bytes)) {
            ctx.fireChannelRead(msg);
            return;
        }
        try {
            scan(bytes);
        } catch (MalformedFrameException e) {
            bytes.release();
            refuse(ctx, FrameRefusal.MALFORMED, "[connection] closed {}: malformed Bolt frame: {}", e.getMessage());
            return;
        } catch (OversizedFrameException e) {
            bytes.release();
            refuse(ctx, FrameRefusal.OVERSIZED, "[connection] closed {}: a Bolt frame of {} bytes announced, more"
                    + " than the {} allowed", frameLength, maxFrameBytes);
            return;
        }
        ctx.fireChannelRead(bytes);
    }

    /** Follows the frame boundaries through {@code bytes} without moving its reader index. */
    private void scan(ByteBuf bytes) throws MalformedFrameException, OversizedFrameException {
        int at = bytes.readerIndex();
        int end = bytes.writerIndex();
        while (at < end) {
            if (bodyLeft > 0) {
                int skip = (int) Math.min(bodyLeft, end - at);
                at += skip;
                bodyLeft -= skip;
                continue;
            }
            header[headerFilled++] = bytes.getByte(at++);
            if (headerLength == 0) {
                headerLength = BoltFrameHeader.headerLength(header, headerFilled);
            }
            if (headerLength > 0 && headerFilled == headerLength) {
                frameLength = BoltFrameHeader.frameLength(header, headerLength);
                if (frameLength > maxFrameBytes) {
                    throw new OversizedFrameException();
                }
                bodyLeft = frameLength - headerLength;
                headerFilled = 0;
                headerLength = 0;
            }
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (!refused && (headerFilled > 0 || bodyLeft > 0)) {
            counts.frameRefused(FrameRefusal.TRUNCATED);
            if (bodyLeft > 0) {
                log.error("frame " + RemoteAddress.ip(remote), "[connection] {} closed in the middle of a frame: {} of"
                        + " its {} bytes came", RemoteAddress.text(remote), frameLength - bodyLeft, frameLength);
            } else {
                log.error("frame " + RemoteAddress.ip(remote), "[connection] {} closed in the middle of a frame"
                        + " header: {} bytes came", RemoteAddress.text(remote), headerFilled);
            }
        }
        super.channelInactive(ctx);
    }

    private void refuse(ChannelHandlerContext ctx, FrameRefusal reason, String format, Object... details) {
        refused = true;
        counts.frameRefused(reason);
        Object[] args = new Object[details.length + 1];
        args[0] = RemoteAddress.text(remote);
        System.arraycopy(details, 0, args, 1, details.length);
        log.error("frame " + RemoteAddress.ip(remote), format, args);
        ctx.close();
    }

    /** The frame just read announced more than the limit. */
    private static final class OversizedFrameException extends Exception {
        private static final long serialVersionUID = 1L;

        OversizedFrameException() {
            super(null, null, false, false);
        }
    }
}
