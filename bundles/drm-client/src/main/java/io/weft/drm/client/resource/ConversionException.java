package io.weft.drm.client.resource;

/** A pushed value that does not fit the attribute's Java type; the attribute keeps its value. */
public final class ConversionException extends Exception {

    private static final long serialVersionUID = 1L;

    public ConversionException(String message) {
        super(message);
    }
}
