package io.weft.codec.bolt.guard;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import io.weft.codec.bolt.guard.BoltFrameHeader.MalformedFrameException;
import java.net.SocketAddress;

/**
 * Reads the frame headers of a peer's byte stream ahead of Bolt's decoder ({@link BoltFrameHeader}), and closes
 * the connection at a frame Bolt would buffer in full before refusing it (declared larger than {@code maxFrameBytes})
 * or could not read (unknown protocol code, version or command type, negative lengths). Bolt 1.6.7 accumulates a
 * frame up to its declared length, an int32, before any size check of the body runs (decision record 0017).
 *
 * <p>The bytes pass on untouched: it keeps no more than one fixed header (24 bytes) of its own and skips the rest
 * of each frame by count. A connection that closes in the middle of a frame is reported too: that frame was
 * truncated. Each refusal goes to a {@link RefusalListener}.
 *
 * <p>One instance per channel, used on its event loop only.
 */
public final class FrameGuard extends ChannelInboundHandlerAdapter {

    private final int maxFrameBytes;
    private final RefusalListener listener;
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
    /** The peer's address, kept from the start: a closed channel may no longer tell it. */
    private SocketAddress remote;

    /**
     * @param maxFrameBytes the largest frame a peer may announce: fixed header, class name, header map, content
     *                      and CRC
     */
    public FrameGuard(int maxFrameBytes, RefusalListener listener) {
        this.maxFrameBytes = maxFrameBytes;
        this.listener = listener;
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
            refuse(ctx, FrameRefusal.MALFORMED, "malformed Bolt frame: " + e.getMessage());
            return;
        } catch (OversizedFrameException e) {
            bytes.release();
            refuse(ctx, FrameRefusal.OVERSIZED, "a Bolt frame of " + frameLength + " bytes announced, more than the "
                    + maxFrameBytes + " allowed");
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
            listener.frameRefused(FrameRefusal.TRUNCATED, remote, bodyLeft > 0
                    ? "closed in the middle of a frame: " + (frameLength - bodyLeft) + " of its " + frameLength
                            + " bytes came"
                    : "closed in the middle of a frame header: " + headerFilled + " bytes came");
        }
        super.channelInactive(ctx);
    }

    private void refuse(ChannelHandlerContext ctx, FrameRefusal reason, String detail) {
        refused = true;
        listener.frameRefused(reason, remote, detail);
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
