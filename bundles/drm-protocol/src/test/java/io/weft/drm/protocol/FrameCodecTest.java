package io.weft.drm.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;

class FrameCodecTest {

    private static ByteBuf encode(DrmMessage message) {
        EmbeddedChannel out = new EmbeddedChannel(new FrameEncoder());
        out.writeOutbound(message);
        return out.readOutbound();
    }

    private static ByteBuf raw(String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        return Unpooled.buffer().writeInt(bytes.length).writeBytes(bytes);
    }

    @Test
    @DisplayName("DRM-7: every message kind survives a round trip, split across reads")
    void roundTrip() {
        List<DrmMessage> messages = List.of(
                new Register(1, "acme", "shop", "10.0.0.1", "GZ00B", "dc1", "0.1.0",
                        new SignatureAttributes("AK1", "HmacSHA256", 123L, "c2ln"),
                        List.of(new Subscription("com.example.Cache:mode", 3))),
                new Registered(1, true, null, null, List.of(new VersionNotice("com.example.Cache:mode", 4)),
                        List.of(new PullEndpoint("http://127.0.0.1:8880", "dc1", "", "n1")), "tok", 30, "n1"),
                new Subscribe(2, List.of(new Subscription("a.B:c", 0))),
                new Heartbeat(3, List.of(new Subscription("a.B:c", 9))),
                new HeartbeatAck(3, List.of(new VersionNotice("a.B:c", 10)), "tok2"),
                new Notify(7, "a.B:c", 11),
                new Ack(7, "a.B:c", 11, false, "callback threw"),
                new ErrorReply(0, "MALFORMED_FRAME", "bad"),
                new Publish(5, "acme", "a.B:c", 11, new GrayTarget(Set.of("10.0.0.1"), Set.of("GZ00B")), true, "console"),
                new PublishAck(5, "n1", 3, 1, 0),
                new HoldersQuery(6, "acme", "a.B:c"),
                new Holders(6, "n1", List.of(new Holders.Holder("10.0.0.1", "GZ00B", "shop", 11, 1L, 2L))));
        EmbeddedChannel in = new EmbeddedChannel(new FrameDecoder(FrameDecoder.DEFAULT_MAX_FRAME_BYTES));
        for (DrmMessage message : messages) {
            ByteBuf frame = encode(message);
            // deliver in two pieces: the decoder must wait for the whole frame
            int half = frame.readableBytes() / 2;
            in.writeInbound(frame.readRetainedSlice(half));
            in.writeInbound(frame);
            assertEquals(message, in.readInbound());
        }
    }

    @Test
    @DisplayName("DRM bad input: an oversized frame is reported, not buffered, and the rest is discarded")
    void oversized() {
        EmbeddedChannel in = new EmbeddedChannel(new FrameDecoder(1024));
        in.writeInbound(Unpooled.buffer().writeInt(10_000_000).writeBytes(new byte[100]));
        ProtocolException e = assertInstanceOf(ProtocolException.class, in.readInbound());
        assertEquals(ProtocolException.FRAME_TOO_LARGE, e.code());
        in.writeInbound(encode(new Heartbeat(1, List.of())));
        assertNull(in.readInbound(), "nothing is read after a bad frame");
    }

    @Test
    @DisplayName("DRM bad input: unknown type, class names and bad keys are refused with a reason")
    void malformed() {
        for (String json : List.of("{\"type\":\"java.lang.Runtime\"}", "not json",
                "{\"type\":\"notify\",\"pushId\":1,\"key\":\"no-colon\",\"version\":1}",
                "{\"type\":\"notify\",\"pushId\":1,\"key\":\"a:b\",\"version\":null}",
                "{\"@class\":\"java.net.URL\",\"type\":\"heartbeat\",\"requestId\":1,\"holdings\":[{\"key\":\"a:b\",\"version\":-1}]}")) {
            EmbeddedChannel in = new EmbeddedChannel(new FrameDecoder(1024));
            in.writeInbound(raw(json));
            ProtocolException e = assertInstanceOf(ProtocolException.class, in.readInbound(), json);
            assertEquals(ProtocolException.MALFORMED_FRAME, e.code());
            assertFalse(e.getMessage().isBlank(), json);
        }
    }

    @Test
    @DisplayName("DRM-12: a pull token is accepted for its instance until it expires, and only then")
    void pullTokens() {
        PullTokens tokens = new PullTokens("0123456789abcdef0123".getBytes(StandardCharsets.UTF_8));
        String token = tokens.issue("acme-prod", 2_000);
        assertTrue(tokens.verify(token, "acme-prod", 1_999));
        assertFalse(tokens.verify(token, "acme-prod", 2_001), "expired");
        assertFalse(tokens.verify(token, "other", 1_000), "another instance");
        assertFalse(tokens.verify(token.replace("2000", "9999"), "acme-prod", 1_000), "expiry changed");
        assertFalse(new PullTokens("another-secret-of-16+".getBytes(StandardCharsets.UTF_8))
                .verify(token, "acme-prod", 1_000), "another cluster");
        assertFalse(tokens.verify("garbage", "acme-prod", 1_000));
    }

    @Test
    @DisplayName("DRM keys: resourceId:attribute, checked")
    void keys() {
        assertEquals("com.example.RefreshCacheDRM:refreshCacheType",
                DrmKeys.key("com.example.RefreshCacheDRM", "refreshCacheType"));
        assertEquals("com.example.RefreshCacheDRM", DrmKeys.resourceId("com.example.RefreshCacheDRM:refreshCacheType"));
        assertEquals("refreshCacheType", DrmKeys.attribute("com.example.RefreshCacheDRM:refreshCacheType"));
    }
}
