package io.weft.drm.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;

/** Writes a {@link DrmMessage} as a 4-byte big-endian length followed by its UTF-8 JSON. Stateless. */
@ChannelHandler.Sharable
public final class FrameEncoder extends MessageToByteEncoder<DrmMessage> {

    public FrameEncoder() {
        super(DrmMessage.class);
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, DrmMessage message, ByteBuf out) {
        byte[] json = DrmJson.write(message);
        out.writeInt(json.length);
        out.writeBytes(json);
    }
}
