package io.weft.registry.session.connection;

import com.alipay.remoting.Connection;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The open client connections of the session port, by id. Thread-safe. */
public final class ClientConnections {

    private final Map<String, ClientConnection> byId = new ConcurrentHashMap<>();
    private final Clock clock;

    public ClientConnections(Clock clock) {
        this.clock = clock;
    }

    ClientConnection opened(Connection connection) {
        String id = ClientConnection.idOf(connection);
        ClientConnection opened = new ClientConnection(id, id, connection, clock.instant());
        byId.put(id, opened);
        return opened;
    }

    /** @return the connection removed, if it was known */
    Optional<ClientConnection> closed(Connection connection) {
        String id = ClientConnection.idOf(connection);
        ClientConnection known = byId.get(id);
        if (known != null && known.connection() == connection && byId.remove(id, known)) {
            return Optional.of(known);
        }
        return Optional.empty();
    }

    public Optional<ClientConnection> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public List<ClientConnection> all() {
        return List.copyOf(byId.values());
    }

    public int size() {
        return byId.size();
    }
}
