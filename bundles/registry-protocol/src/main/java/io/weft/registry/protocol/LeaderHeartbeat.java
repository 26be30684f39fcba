package io.weft.registry.protocol;

import java.util.Optional;

/**
 * How a session's or data server's heartbeat finds the meta leader (REG-50, REG-51): it goes to the meta believed to
 * lead ({@link MetaServerList#target()}); a follower's "not leader" answer names the leader, which gets it at once;
 * when that hint names no other configured meta (metas sharing a host on other ports: the hint carries the caller's
 * port), each of the others is tried in turn. A failed call, or a refusal with no leader known, ends the round and
 * moves the target on for the next one. The caller's transport and log lines stay its own ({@link Calls},
 * {@link Events}).
 *
 * <p>Thread confinement: one round at a time, on the caller's heartbeat thread.
 */
public final class LeaderHeartbeat {

    /** Sends the heartbeat to one meta. */
    @FunctionalInterface
    public interface Calls {
        /** @throws Exception when the call failed (no connection, timeout) */
        ClusterView call(String meta) throws Exception;
    }

    /** What a round met on its way, for the caller's log. */
    public interface Events {
        /** The call to {@code meta} failed: the round ends. */
        void callFailed(String meta, Exception failure);

        /** {@code meta} refused and knows no leader: the round ends. */
        void refusedWithoutLeader(String meta, String message);

        /**
         * {@code meta} is not the leader; the heartbeat goes to {@code next}, the configured meta its hint names,
         * or, when {@code hintResolved} is false, simply the next configured one.
         */
        void redirected(String meta, String hint, String next, boolean hintResolved);
    }

    /** The meta leader that accepted the heartbeat, and its answer. */
    public record Accepted(String meta, ClusterView view) {
    }

    private final MetaServerList metas;

    public LeaderHeartbeat(MetaServerList metas) {
        this.metas = metas;
    }

    /** One round: the leader's acceptance, or empty when this round reached none. */
    public Optional<Accepted> send(Calls calls, Events events) {
        for (int attempt = 0; attempt <= metas.size(); attempt++) {
            String target = metas.target();
            ClusterView view;
            try {
                view = calls.call(target);
            } catch (Exception e) {
                events.callFailed(target, e);
                metas.failed();
                return Optional.empty();
            }
            if (view.isSuccess()) {
                return Optional.of(new Accepted(target, view));
            }
            if (view.getLeader() == null) {
                events.refusedWithoutLeader(target, view.getMessage());
                metas.failed();
                return Optional.empty();
            }
            boolean resolved = metas.leaderIs(view.getLeader());
            if (!resolved) {
                metas.failed();
            }
            events.redirected(target, view.getLeader(), metas.target(), resolved);
        }
        return Optional.empty();
    }
}
