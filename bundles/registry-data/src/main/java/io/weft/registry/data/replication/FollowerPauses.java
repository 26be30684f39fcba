package io.weft.registry.data.replication;

import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Which followers a replication may call now. A follower whose call failed is paused ({@value #FIRST_PAUSE_MILLIS}
 * ms, doubling with each failed try up to {@value #MAX_PAUSE_MILLIS} ms); once the pause is over one call tries it
 * and the others are not sent until that one succeeded. So a follower that went away costs one connection attempt
 * a pause, not one for every datum changed meanwhile: before, a data server whose follower stopped made about a
 * thousand attempts in a second, each with Bolt's own lines in {@code weft.log}.
 *
 * <p>Thread-safe: replications run on several threads.
 */
final class FollowerPauses {

    static final long FIRST_PAUSE_MILLIS = 100;
    static final long MAX_PAUSE_MILLIS = 2_000;

    private final LongSupplier millis;
    private final Map<String, Pause> pauses = new HashMap<>();

    /** @param millis the clock of the pauses */
    FollowerPauses(LongSupplier millis) {
        this.millis = millis;
    }

    /** Whether a call to {@code follower} may go now; if it was paused, this call is the one that tries it. */
    synchronized boolean mayCall(String follower) {
        Pause pause = pauses.get(follower);
        if (pause == null) {
            return true;
        }
        if (pause.trying || millis.getAsLong() < pause.until) {
            return false;
        }
        pause.trying = true;
        return true;
    }

    /** A call to {@code follower} was answered: calls go to it freely again. */
    synchronized void answered(String follower) {
        pauses.remove(follower);
    }

    /**
     * A call to {@code follower} failed. The try after a pause doubles the pause; other calls that were on their way
     * before the pause began and fail as well leave it as it is.
     */
    synchronized void failed(String follower) {
        long now = millis.getAsLong();
        Pause pause = pauses.get(follower);
        if (pause == null) {
            pauses.put(follower, new Pause(now + FIRST_PAUSE_MILLIS, FIRST_PAUSE_MILLIS));
        } else if (pause.trying) {
            long next = Math.min(MAX_PAUSE_MILLIS, pause.length * 2);
            pauses.put(follower, new Pause(now + next, next));
        }
    }

    /** Whether {@code follower} is paused or being tried after a pause; for tests. */
    synchronized boolean paused(String follower) {
        return pauses.containsKey(follower);
    }

    private static final class Pause {
        final long until;
        final long length;
        boolean trying;

        Pause(long until, long length) {
            this.until = until;
            this.length = length;
        }
    }
}
