package io.weft.drm.protocol;

import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;

/**
 * Reads 4-byte length-prefixed JSON frames into {@link DrmMessage}s. A frame longer than the limit or
 * a body that is not a known message is passed on as a {@link ProtocolException} (not thrown), so the
 * next handler decides: servers answer with an {@link ErrorReply} and close. After a bad frame the
 * decoder discards everything else the connection sends, since the stream can no longer be trusted.
 * One instance per channel.
 */
public final class FrameDecoder extends ByteToMessageDecoder {

    /** 1 MiB: the largest frame by default (a register frame of several thousand attributes). */
    public static final int DEFAULT_MAX_FRAME_BYTES = 1 << 20;

    private final int maxFrameBytes;
    private boolean failed;

    public FrameDecoder(int maxFrameBytes) {
        if (maxFrameBytes < 64) {
            throw new IllegalArgumentException("maxFrameBytes must be >= 64, was " + maxFrameBytes);
        }
        this.maxFrameBytes = maxFrameBytes;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (failed) {
            in.skipBytes(in.readableBytes());
            return;
        }
        if (in.readableBytes() < 4) {
            return;
        }
        int length = in.getInt(in.readerIndex());
        if (length < 2 || length > maxFrameBytes) {
            failed = true;
            in.skipBytes(in.readableBytes());
            out.add(new ProtocolException(length > maxFrameBytes ? ProtocolException.FRAME_TOO_LARGE
                    : ProtocolException.MALFORMED_FRAME,
                    "frame length " + Integer.toUnsignedString(length) + " outside 2.." + maxFrameBytes + " bytes"));
            return;
        }
        if (in.readableBytes() < 4 + length) {
            return;
        }
        in.skipBytes(4);
        byte[] json = new byte[length];
        in.readBytes(json);
        try {
            out.add(DrmJson.read(json, 0, length));
        } catch (ProtocolException e) {
            failed = true;
            in.skipBytes(in.readableBytes());
            out.add(e);
        }
    }
}
