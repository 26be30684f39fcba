package io.weft.registry.protocol;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * A session tells the data servers that clients disconnected (REG-36): every publisher of
 * theirs goes. Answered with a {@link DataReply}.
 *
 * <p>A plain Hessian message (decision record 0021): not thread-safe, not to be shared while it is filled.
 */
public final class ClientOffRequest implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The session process the connections belonged to. */
    private String sessionProcessId;
    /** The clients' connections. */
    private List<String> connectionIds = new ArrayList<>();

    /** For Hessian, which fills the fields. */
    public ClientOffRequest() {
    }

    public String getSessionProcessId() {
        return sessionProcessId;
    }

    public void setSessionProcessId(String sessionProcessId) {
        this.sessionProcessId = sessionProcessId;
    }

    public List<String> getConnectionIds() {
        return connectionIds;
    }

    /** Copies {@code connectionIds} into an {@code ArrayList}; null means none. */
    public void setConnectionIds(List<String> connectionIds) {
        this.connectionIds = connectionIds == null ? new ArrayList<>() : new ArrayList<>(connectionIds);
    }

    @Override
    public String toString() {
        return "ClientOffRequest{"
                + "sessionProcessId='" + sessionProcessId + "'"
                + ", connectionIds=" + connectionIds
                + "}";
    }
}
