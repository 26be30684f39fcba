package io.weft.registry.session.connection;

/** What the client port does with a request: {@link ClientHandOver} changes it while the session stops. */
enum RequestPolicy {
    /** Serving: the request is applied and answered with the result. */
    APPLY,
    /**
     * Handing over: the request is answered as a success and not applied. The client registers everything again
     * once it has reconnected to the next session, so nothing acknowledged this way is lost.
     */
    ACKNOWLEDGE,
    /** About to close: no answer; the client's call fails when the connection closes. */
    HOLD
}
