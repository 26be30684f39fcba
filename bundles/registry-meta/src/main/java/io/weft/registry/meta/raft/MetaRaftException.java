package io.weft.registry.meta.raft;

/** The Raft group could not commit a command or a configuration change; the message is JRaft's status. */
public final class MetaRaftException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MetaRaftException(String message) {
        super(message);
    }
}
