package io.weft.registry.session.push;

/**
 * A push's connection is not open: the client went, or this session closed it while stopping (decision record
 * 0026). Nothing to try again: a client that comes back registers its subscribers again on its new connection and
 * gets the current data there.
 */
public final class ConnectionGoneException extends Exception {

    private static final long serialVersionUID = 1L;

    public ConnectionGoneException(String connectionId) {
        super("no open connection " + connectionId, null, false, false);
    }
}
