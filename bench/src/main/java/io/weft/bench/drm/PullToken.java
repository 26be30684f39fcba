package io.weft.bench.drm;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.weft.drm.protocol.DrmMessage;
import io.weft.drm.protocol.FrameDecoder;
import io.weft.drm.protocol.FrameEncoder;
import io.weft.drm.protocol.ProtocolException;
import io.weft.drm.protocol.Register;
import io.weft.drm.protocol.Registered;
import io.weft.drm.protocol.Subscription;

/**
 * Obtains a pull token the way a client does, by speaking drmdata's client port (9880) directly: one
 * unsigned {@link Register} from loopback, framed by the protocol's own {@link FrameEncoder} and read
 * back with its {@link FrameDecoder} (run in Netty's embedded channel over a plain socket). The connection
 * stays open until {@link #close()}, as a registered client's would.
 */
final class PullToken implements AutoCloseable {

    private final Socket socket;
    private final Registered registered;

    private PullToken(Socket socket, Registered registered) {
        this.socket = socket;
        this.registered = registered;
    }

    static PullToken register(int clientPort, String instanceId, String key) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), clientPort);
        try {
            socket.setSoTimeout(10_000);
            EmbeddedChannel encoder = new EmbeddedChannel(new FrameEncoder());
            encoder.writeOutbound(new Register(1, instanceId, "drm-bench-pull", "127.0.0.1", "", "dc1",
                    "drm-bench", null, List.of(new Subscription(key, 0))));
            ByteBuf frame = encoder.readOutbound();
            byte[] bytes = new byte[frame.readableBytes()];
            frame.readBytes(bytes);
            frame.release();
            OutputStream out = socket.getOutputStream();
            out.write(bytes);
            out.flush();

            DataInputStream in = new DataInputStream(socket.getInputStream());
            int length = in.readInt();
            byte[] body = new byte[length];
            in.readFully(body);
            EmbeddedChannel decoder = new EmbeddedChannel(new FrameDecoder(FrameDecoder.DEFAULT_MAX_FRAME_BYTES));
            decoder.writeInbound(Unpooled.buffer(4 + length).writeInt(length).writeBytes(body));
            Object message = decoder.readInbound();
            if (message instanceof ProtocolException e) {
                throw new IOException("drmdata answered an unreadable frame: " + e.getMessage());
            }
            if (!(message instanceof Registered r) || !r.ok()) {
                throw new IOException("registration refused: " + message);
            }
            encoder.finishAndReleaseAll();
            decoder.finishAndReleaseAll();
            return new PullToken(socket, r);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    String token() {
        return registered.pullToken();
    }

    /** The version drmdata says the key has now. */
    long version() {
        return registered.versions().isEmpty() ? 0 : registered.versions().get(0).version();
    }

    DrmMessage answer() {
        return registered;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
