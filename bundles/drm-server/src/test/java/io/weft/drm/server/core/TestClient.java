package io.weft.drm.server.core;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.List;

import io.weft.drm.protocol.DrmJson;
import io.weft.drm.protocol.DrmMessage;
import io.weft.drm.protocol.ProtocolException;
import io.weft.drm.protocol.Register;
import io.weft.drm.protocol.SignatureAttributes;
import io.weft.drm.protocol.Subscription;

/** A blocking client of the frame protocol for tests: writes and reads one frame at a time. */
public final class TestClient implements AutoCloseable {

    private final Socket socket;
    private final DataInputStream in;
    private final DataOutputStream out;

    public TestClient(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(15_000);
        in = new DataInputStream(socket.getInputStream());
        out = new DataOutputStream(socket.getOutputStream());
    }

    public static Register register(String instanceId, String zone, SignatureAttributes sig, List<Subscription> subs) {
        return new Register(1, instanceId, "test-app", "10.9.9.9", zone, "dc1", "test", sig, subs);
    }

    public void send(DrmMessage m) throws IOException {
        writeRaw(DrmJson.write(m));
    }

    public void writeRaw(byte[] json) throws IOException {
        out.writeInt(json.length);
        out.write(json);
        out.flush();
    }

    public void writeBytes(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    public DrmMessage read() throws IOException, ProtocolException {
        int length = in.readInt();
        byte[] b = new byte[length];
        in.readFully(b);
        return DrmJson.read(b, 0, length);
    }

    /** Reads frames until one of the type arrives. */
    public <T extends DrmMessage> T read(Class<T> type) throws IOException, ProtocolException {
        while (true) {
            DrmMessage m = read();
            if (type.isInstance(m)) {
                return type.cast(m);
            }
        }
    }

    /** Whether the server closed the connection (reads until end of stream, at most the socket timeout). */
    public boolean closedByServer() throws IOException {
        try {
            while (in.read() >= 0) {
                // drain what was sent before the close
            }
            return true;
        } catch (EOFException e) {
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
