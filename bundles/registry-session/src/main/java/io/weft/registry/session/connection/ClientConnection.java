package io.weft.registry.session.connection;

import com.alipay.remoting.Connection;
import java.time.Instant;

/**
 * One client's long connection (REG-13).
 *
 * @param id            {@code ip:port} of the client's end, unique among open connections
 * @param remoteAddress the client's {@code ip:port}
 * @param connection    Bolt's connection, to push on
 */
public record ClientConnection(String id, String remoteAddress, Connection connection, Instant connectedAt) {

    static String idOf(Connection connection) {
        return connection.getRemoteIP() + ":" + connection.getRemotePort();
    }
}
