package io.weft.registry.session.connection;

import com.alipay.remoting.ResponseStatus;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.weft.codec.bolt.guard.BoltFrameHeader;
import io.weft.codec.bolt.guard.LogThrottle;
import io.weft.codec.bolt.guard.RemoteAddress;

/**
 * Logs each error answer the port sends, with the client's address: a request naming a class no processor takes,
 * a body Hessian refused (malformed, above the payload limit, or naming a class that is denied or not allowed), a
 * processor that failed, busy workers. Bolt answers these by itself and logs them in its own log, which knows no
 * client address and does not go to the session's {@code common-error.log}; the client gets the error status.
 * Lines go through a {@link LogThrottle}, one per address and interval.
 *
 * <p>It reads the responses as Bolt's encoder wrote them, one frame per buffer, and passes them on untouched.
 * One instance per channel, used on its event loop only.
 */
final class ErrorResponseLog extends ChannelOutboundHandlerAdapter {

    private final RefusalCounts counts;
    private final LogThrottle log;

    ErrorResponseLog(RefusalCounts counts, LogThrottle log) {
        this.counts = counts;
        this.log = log;
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof ByteBuf frame) {
            BoltFrameHeader.Answer answer = BoltFrameHeader.answer(frame);
            if (answer != null && answer.status() != ResponseStatus.SUCCESS.getValue()) {
                String status = statusName(answer.status());
                counts.errorResponse(status);
                log.error("answer " + RemoteAddress.ip(ctx.channel().remoteAddress()),
                        "[connection] answered request {} from {} with {}: {}", answer.requestId(),
                        RemoteAddress.text(ctx.channel().remoteAddress()), status, meaning(status));
            }
        }
        ctx.write(msg, promise);
    }

    private static String statusName(short value) {
        try {
            return ResponseStatus.valueOf(value).name();
        } catch (RuntimeException unknown) {
            return "status " + value;
        }
    }

    /** What the status means on this port: the processors are the session's own. */
    private static String meaning(String status) {
        return switch (status) {
            case "SERVER_DESERIAL_EXCEPTION" -> "its body could not be read (malformed, above the payload limit,"
                    + " or naming a class that is denied or not allowed)";
            case "SERVER_EXCEPTION" -> "no processor takes its class, or the processor failed";
            case "SERVER_THREADPOOL_BUSY" -> "the session's workers are busy";
            default -> "see Bolt's log for the cause";
        };
    }
}
