package io.weft.store.derby;

import java.io.PrintWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

import org.apache.derby.drda.NetworkServerControl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Derby network server on one address and port, serving the databases under Derby's system home to
 * other nodes ({@code network-derby} databases). Its console output goes to this class's logger.
 */
public final class DerbyNetworkServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DerbyNetworkServer.class);
    private static final int PING_ATTEMPTS = 50;
    private static final long PING_PAUSE_MILLIS = 200;

    private final NetworkServerControl control;
    private final String address;

    private DerbyNetworkServer(NetworkServerControl control, String address) {
        this.control = control;
        this.address = address;
    }

    /**
     * Starts the server and waits until it answers.
     *
     * @throws IllegalStateException if the port is taken or the server did not come up, with the reason
     */
    public static DerbyNetworkServer start(String host, int port) throws Exception {
        InetAddress bind = InetAddress.getByName(host);
        String address = host + ":" + port;
        // The server reports a taken port only on its own thread; checking first gives a clear error here.
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(bind, port));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Derby network server cannot listen on " + address + ": "
                    + e.getMessage(), e);
        }
        NetworkServerControl control = new NetworkServerControl(bind, port);
        control.start(new PrintWriter(new LogWriter(), true));
        Exception last = null;
        for (int i = 0; i < PING_ATTEMPTS; i++) {
            try {
                control.ping();
                LOG.info("Derby network server listening on {}", address);
                return new DerbyNetworkServer(control, address);
            } catch (Exception e) {
                last = e;
                Thread.sleep(PING_PAUSE_MILLIS);
            }
        }
        try {
            control.shutdown();
        } catch (Exception ignored) {
            // It never came up.
        }
        throw new IllegalStateException("Derby network server on " + address + " did not start", last);
    }

    public String address() {
        return address;
    }

    @Override
    public void close() {
        try {
            control.shutdown();
            LOG.info("Derby network server on {} stopped", address);
        } catch (Exception e) {
            LOG.warn("Stopping the Derby network server on {} failed: {}", address, e.getMessage());
        }
    }

    /** Line-buffers the server's console and logs each line. */
    private static final class LogWriter extends Writer {
        private final StringBuilder line = new StringBuilder();

        @Override
        public synchronized void write(char[] chars, int off, int len) {
            for (int i = off; i < off + len; i++) {
                char c = chars[i];
                if (c == '\n') {
                    flushLine();
                } else if (c != '\r') {
                    line.append(c);
                }
            }
        }

        @Override
        public synchronized void flush() {
            flushLine();
        }

        @Override
        public void close() {
            flush();
        }

        private void flushLine() {
            if (line.length() > 0) {
                LOG.info("derbynet: {}", line);
                line.setLength(0);
            }
        }
    }
}
