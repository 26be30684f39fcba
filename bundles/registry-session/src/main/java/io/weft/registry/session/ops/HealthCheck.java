package io.weft.registry.session.ops;

/**
 * Whether this session node can serve clients: its client port listens. Read by {@code /health/check} and
 * the node's {@code registry-session} health indicator.
 */
public final class HealthCheck {

    /** @param success whether the client port listens */
    public record Result(boolean success, String message) {
    }

    private final SessionView session;

    public HealthCheck(SessionView session) {
        this.session = session;
    }

    public Result check() {
        String endpoint = session.boltEndpoint().orElse(null);
        String counts = String.format("connections:%d, pub:%d, sub:%d, watcher:%d, pushSwitch:%s",
                session.connections().size(), session.publishers(), session.subscribers(), session.watchers(),
                session.pushSwitch().isOpen() ? "open" : "closed");
        if (endpoint == null) {
            return new Result(false, "SessionServer boltServer:false (client port not listening), " + counts);
        }
        return new Result(true, "SessionServer boltServer:true (" + endpoint + "), " + counts);
    }
}
