package io.weft.api.health;

import java.util.Objects;

/**
 * The result of one health check: a status and a human-readable detail.
 *
 * @param status the status; never {@code null}
 * @param detail what an operator should know, e.g. why a check is down; never {@code null}
 */
public record Health(Status status, String detail) {

    /** Ordered from best to worst, so the node's overall status is the worst of its parts. */
    public enum Status { UP, DEGRADED, DOWN }

    public Health {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(detail, "detail");
    }

    public static Health up(String detail) {
        return new Health(Status.UP, detail);
    }

    public static Health degraded(String detail) {
        return new Health(Status.DEGRADED, detail);
    }

    public static Health down(String detail) {
        return new Health(Status.DOWN, detail);
    }
}
