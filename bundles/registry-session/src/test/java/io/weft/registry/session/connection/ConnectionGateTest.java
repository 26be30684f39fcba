package io.weft.registry.session.connection;

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
import io.weft.registry.session.LogCapture;
import io.weft.registry.session.connection.RefusalCounts.ConnectionRefusal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The reconnect-flood and connection limits: the gate, and the handler that applies it to each channel. */
class ConnectionGateTest {

    private static final String LOGGER = "test.connection-gate";

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
    @DisplayName("ARCHITECTURE §5: a refused channel is closed at once; the session never hears of it, nor of its bytes")
    void refusedChannelNeverReachesTheSession() {
        ConnectionGate gate = new ConnectionGate(1, 100, clock::get);
        RefusalCounts counts = new RefusalCounts();
        try (LogCapture log = new LogCapture(LOGGER)) {
            LogThrottle throttle = new LogThrottle(LoggerFactory.getLogger(LOGGER), 10_000, clock::get);
            Recorder first = new Recorder();
            EmbeddedChannel admitted = new EmbeddedChannel(new ConnectionAdmission(gate, counts, throttle), first);
            List<EmbeddedChannel> refused = new ArrayList<>();
            List<Recorder> behindRefused = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Recorder recorder = new Recorder();
                behindRefused.add(recorder);
                refused.add(new EmbeddedChannel(new ConnectionAdmission(gate, counts, throttle), recorder));
            }

            for (EmbeddedChannel channel : List.of(admitted, refused.get(0))) {
                channel.pipeline().fireUserEventTriggered(ConnectionEventType.CONNECT);
                channel.pipeline().fireChannelRead(Unpooled.wrappedBuffer(new byte[] {1, 2, 3}));
            }

            assertTrue(admitted.isOpen());
            assertEquals(List.of(ConnectionEventType.CONNECT, "3 bytes"), first.seen);
            refused.forEach(channel -> assertFalse(channel.isOpen()));
            behindRefused.forEach(recorder -> assertEquals(List.of(), recorder.seen));
            assertEquals(3, counts.connections().get(ConnectionRefusal.RATE));
            assertEquals(1, log.errorsWith("refused new connections from embedded", "more than 1 in one second")
                    .size(), "one line for the address, not one per connection: " + log.errors());

            admitted.close();
            assertEquals(0, gate.open(), "a closed connection gives its place back");
            admitted.finishAndReleaseAll();
            refused.forEach(EmbeddedChannel::finishAndReleaseAll);
        }
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
