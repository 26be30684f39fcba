package io.weft.acvip.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** Strict JSON reading shared by the request parsers: one value, no duplicate keys. */
final class Json {

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private Json() {
    }

    /** The body as a JSON object, or a 400 saying where it is broken. */
    static JsonNode object(byte[] body, String expected) throws BadRequestException {
        if (body.length == 0 || new String(body, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            throw new BadRequestException("empty body: expected a JSON object " + expected);
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new BadRequestException("malformed JSON" + where(e) + ": " + withoutSourceNote(e.getOriginalMessage()));
        } catch (java.io.IOException e) {
            throw new BadRequestException("unreadable body: " + e.getMessage());
        }
        if (node == null || !node.isObject()) {
            throw new BadRequestException("expected a JSON object " + expected + ", got " + kind(node));
        }
        return node;
    }

    static String kind(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT)
                + (node.isValueNode() ? " " + node : "");
    }

    /** Jackson appends where a value started, with a note about its redacted source: noise to a caller. */
    private static String withoutSourceNote(String message) {
        int note = message == null ? -1 : message.indexOf(" (start marker at");
        return note > 0 ? message.substring(0, note) : message;
    }

    private static String where(JsonProcessingException e) {
        return e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + " column " + e.getLocation().getColumnNr();
    }

}
