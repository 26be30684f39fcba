package io.weft.codec.bolt.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alipay.remoting.ConnectionEventType;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The reconnect-flood and connection limits: the gate, and the handler that applies it to each channel. */
class ConnectionGateTest {

    private final AtomicLong clock = new AtomicLong(1_700_000_000_000L);

    @Test
    @DisplayName("RCP-14: within one second an address gets its budget of new connections; the next second a new one")
    void ratePerAddress() {
        ConnectionGate gate = new ConnectionGate(3, 100, clock::get);

        assertNull(gate.admit("10.0.0.1"));
        assertNull(gate.admit("10.0.0.1"));
        assertNull(gate.admit("10.0.0.1"));
        assertEquals(ConnectionRefusal.RATE, gate.admit("10.0.0.1"));
        assertNull(gate.admit("10.0.0.2"), "another address is not affected");

        clock.addAndGet(1000);
        assertNull(gate.admit("10.0.0.1"));
        assertEquals(5, gate.open());
    }

    @Test
    @DisplayName("ARCHITECTURE §5: past the connection limit new connections are refused until one closes")
    void connectionLimit() {
        ConnectionGate gate = new ConnectionGate(100, 2, clock::get);

        assertNull(gate.admit("10.0.0.1"));
        assertNull(gate.admit("10.0.0.2"));
        assertEquals(ConnectionRefusal.LIMIT, gate.admit("10.0.0.3"));
        gate.closed();

        assertNull(gate.admit("10.0.0.3"));
    }

    @Test
    @DisplayName("ARCHITECTURE §5: a refused channel is closed at once; the server never hears of it, nor of its bytes")
    void refusedChannelNeverReachesTheServer() {
        ConnectionGate gate = new ConnectionGate(1, 100, clock::get);
        RecordingListener refusals = new RecordingListener();
        Recorder first = new Recorder();
        EmbeddedChannel admitted = new EmbeddedChannel(new ConnectionAdmission(gate, refusals), first);
        List<EmbeddedChannel> refused = new ArrayList<>();
        List<Recorder> behindRefused = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Recorder recorder = new Recorder();
            behindRefused.add(recorder);
            refused.add(new EmbeddedChannel(new ConnectionAdmission(gate, refusals), recorder));
        }

        for (EmbeddedChannel channel : List.of(admitted, refused.get(0))) {
            channel.pipeline().fireUserEventTriggered(ConnectionEventType.CONNECT);
            channel.pipeline().fireChannelRead(Unpooled.wrappedBuffer(new byte[] {1, 2, 3}));
        }

        assertTrue(admitted.isOpen());
        assertEquals(List.of(ConnectionEventType.CONNECT, "3 bytes"), first.seen);
        refused.forEach(channel -> assertFalse(channel.isOpen()));
        behindRefused.forEach(recorder -> assertEquals(List.of(), recorder.seen));
        assertEquals(List.of("RATE embedded: 1", "RATE embedded: 1", "RATE embedded: 1"), refusals.connections,
                "each refusal reported with the limit it went past");

        admitted.close();
        assertEquals(0, gate.open(), "a closed connection gives its place back");
        admitted.finishAndReleaseAll();
        refused.forEach(EmbeddedChannel::finishAndReleaseAll);
    }

    /** What passes the admission handler. */
    private static final class Recorder extends ChannelInboundHandlerAdapter {
        final List<Object> seen = new ArrayList<>();

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
            seen.add(event);
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            seen.add(((ByteBuf) msg).readableBytes() + " bytes");
            ((ByteBuf) msg).release();
        }
    }
}
