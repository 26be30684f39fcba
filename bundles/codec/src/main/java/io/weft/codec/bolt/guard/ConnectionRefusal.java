package io.weft.codec.bolt.guard;

/** Why a {@link ConnectionGate} refused a new connection, which is then closed at once. */
public enum ConnectionRefusal {
    /** Its address opened more new connections in a second than allowed. */
    RATE,
    /** The port holds as many connections as allowed. */
    LIMIT
}
