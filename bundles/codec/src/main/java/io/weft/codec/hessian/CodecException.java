package io.weft.codec.hessian;

/**
 * A payload was refused or could not be read. The message says why in terms an operator can act on:
 * the class name refused, the size over the limit, or where the stream was malformed. Nothing
 * partially read is ever handed out alongside it.
 */
public class CodecException extends Exception {

    private static final long serialVersionUID = 1L;

    public CodecException(String message) {
        super(message);
    }

    public CodecException(String message, Throwable cause) {
        super(message, cause);
    }
}
