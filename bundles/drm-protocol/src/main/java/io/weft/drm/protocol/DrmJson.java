package io.weft.drm.protocol;

import java.io.IOException;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The one JSON mapping of the protocol. Unknown properties are ignored, so a newer peer may add fields;
 * nesting and string lengths are bounded by Jackson's read constraints. Thread-safe.
 */
public final class DrmJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(16)
                .build());
    }

    private DrmJson() {
    }

    public static byte[] write(DrmMessage message) {
        try {
            return MAPPER.writerFor(DrmMessage.class).writeValueAsBytes(message);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + message.getClass().getSimpleName(), e);
        }
    }

    /**
     * @throws ProtocolException naming what is wrong when the bytes are not one known message
     */
    public static DrmMessage read(byte[] json, int offset, int length) throws ProtocolException {
        try {
            return MAPPER.readValue(json, offset, length, DrmMessage.class);
        } catch (IOException e) {
            throw new ProtocolException(ProtocolException.MALFORMED_FRAME, describe(e));
        } catch (IllegalArgumentException e) {
            // A record's own check (bad key, bad instanceId) surfaces through Jackson's value instantiation.
            throw new ProtocolException(ProtocolException.MALFORMED_FRAME, e.getMessage());
        }
    }

    /** The shared mapper, for HTTP bodies of the pull interface. Do not reconfigure. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    private static String describe(IOException e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        if (cause instanceof IllegalArgumentException) {
            return cause.getMessage();
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
