package io.weft.registry.meta.command;

import java.io.IOException;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.weft.registry.meta.state.MetaState;

/**
 * JSON for log entries and snapshots. Unknown properties are ignored so a newer leader may add fields
 * during a rolling release (REG-79). One instance per meta node; thread-safe once built.
 */
public final class MetaJson {

    private final ObjectMapper mapper;

    public MetaJson() {
        mapper = JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .build();
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32).build());
    }

    public byte[] writeCommand(MetaCommand command) {
        try {
            return mapper.writerFor(MetaCommand.class).writeValueAsBytes(command);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + command.getClass().getSimpleName(), e);
        }
    }

    /** @throws IOException when the bytes are not one known command */
    public MetaCommand readCommand(byte[] json) throws IOException {
        try {
            return mapper.readValue(json, MetaCommand.class);
        } catch (IllegalArgumentException e) {
            throw new IOException("invalid meta command: " + e.getMessage(), e);
        }
    }

    public byte[] writeState(MetaState state) {
        try {
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(StateDocument.of(state));
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the meta state", e);
        }
    }

    public MetaState readState(byte[] json) throws IOException {
        try {
            return mapper.readValue(json, StateDocument.class).toState();
        } catch (IllegalArgumentException e) {
            throw new IOException("invalid meta snapshot: " + e.getMessage(), e);
        }
    }

    /** For the ops endpoints' bodies. Do not reconfigure. */
    public ObjectMapper mapper() {
        return mapper;
    }
}
