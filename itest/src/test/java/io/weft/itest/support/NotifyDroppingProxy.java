package io.weft.itest.support;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP relay between DRM clients and a drmdata client port that can lose notifications: while armed it
 * drops the next {@code notify} frames drmdata sends, as a network that lost them would, and passes every
 * other frame on unchanged. The client keeps its connection and never learns of the push; only its
 * heartbeat (DRM-10) can tell it what it lacks. Frames are the DRM wire format: a 4-byte big-endian
 * length, then JSON. One thread per direction and connection, all daemon, all ended by {@link #close()}.
 */
public final class NotifyDroppingProxy implements AutoCloseable {

    private final ServerSocket server;
    private final InetSocketAddress target;
    private final AtomicInteger toDrop = new AtomicInteger();
    private final AtomicInteger dropped = new AtomicInteger();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final Thread acceptor;
    private volatile boolean closed;

    public NotifyDroppingProxy(int targetPort) throws IOException {
        this.target = new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort);
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::accept, "itest-drm-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** {@code host:port} clients connect to instead of drmdata. */
    public String address() {
        return "127.0.0.1:" + server.getLocalPort();
    }

    /** Drops the next {@code count} notify frames drmdata sends through this relay. */
    public void dropNextNotifies(int count) {
        toDrop.set(count);
    }

    /** How many notify frames were dropped so far. */
    public int dropped() {
        return dropped.get();
    }

    private void accept() {
        while (!closed) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket();
                upstream.connect(target, 3000);
                sockets.add(client);
                sockets.add(upstream);
                start("itest-drm-proxy-up", () -> copyBytes(client, upstream));
                start("itest-drm-proxy-down", () -> copyFrames(upstream, client));
            } catch (IOException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    private static void start(String name, Runnable r) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
    }

    private void copyBytes(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException e) {
            // one side closed
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private void copyFrames(Socket from, Socket to) {
        try (DataInputStream in = new DataInputStream(from.getInputStream()); OutputStream out = to.getOutputStream()) {
            while (true) {
                int length = in.readInt();
                if (length < 0 || length > (16 << 20)) {
                    throw new IOException("frame length " + length);
                }
                byte[] body = new byte[length];
                in.readFully(body);
                if (isNotify(body) && toDrop.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    dropped.incrementAndGet();
                    continue;
                }
                byte[] frame = new byte[4 + length];
                frame[0] = (byte) (length >>> 24);
                frame[1] = (byte) (length >>> 16);
                frame[2] = (byte) (length >>> 8);
                frame[3] = (byte) length;
                System.arraycopy(body, 0, frame, 4, length);
                out.write(frame);
                out.flush();
            }
        } catch (EOFException e) {
            // drmdata closed
        } catch (IOException e) {
            // one side closed
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static boolean isNotify(byte[] json) {
        String text = new String(json, StandardCharsets.UTF_8);
        return text.replace(" ", "").contains("\"type\":\"notify\"");
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        for (Socket s : sockets) {
            closeQuietly(s);
        }
        try {
            acceptor.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
