package io.weft.acvip.http;

/** A request that cannot be served as sent; the message tells the caller what to fix (HTTP 400). */
public final class BadRequestException extends Exception {

    private static final long serialVersionUID = 1L;

    public BadRequestException(String message) {
        super(message);
    }
}
