package io.weft.console.registry.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a session's answer to {@code GET /console/snapshot} (decision record 0022):
 *
 * <pre>
 * {"format":1, "session":"10.0.0.1:9600",
 *  "publishers": [{"dataInfoId","dataId","instanceId","group","registId","client","appName","zone",
 *                  "data":["bolt://10.0.0.5:12200?weight=100", ...]}, ...],
 *  "subscribers":[{"dataInfoId","dataId","instanceId","group","registId","client","appName","scope"}, ...]}
 * </pre>
 *
 * Unknown fields are ignored (a newer session may add some); a missing required field, a field of the
 * wrong type or another {@code format} is refused with the path of what is wrong, so one bad session
 * never spoils the view of the others. Thread-safe.
 */
public final class FeedCodec {

    public static final int FORMAT = 1;

    private final ObjectMapper mapper = new ObjectMapper();

    public SessionSnapshot decode(byte[] body) throws FeedException {
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw new FeedException("not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new FeedException("unreadable: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new FeedException("the snapshot must be a JSON object");
        }
        JsonNode format = root.get("format");
        if (format == null || !format.isInt() || format.asInt() != FORMAT) {
            throw new FeedException("format " + format + " is not " + FORMAT);
        }
        List<SessionSnapshot.Publisher> publishers = new ArrayList<>();
        JsonNode pubs = array(root, "publishers");
        for (int i = 0; i < pubs.size(); i++) {
            JsonNode p = object(pubs.get(i), "publishers[" + i + "]");
            String at = "publishers[" + i + "].";
            publishers.add(new SessionSnapshot.Publisher(text(p, "dataInfoId", at), text(p, "dataId", at),
                    text(p, "instanceId", at), text(p, "group", at), text(p, "registId", at), text(p, "client", at),
                    optionalText(p, "appName", at), text(p, "zone", at), texts(p, "data", at)));
        }
        List<SessionSnapshot.Subscriber> subscribers = new ArrayList<>();
        JsonNode subs = array(root, "subscribers");
        for (int i = 0; i < subs.size(); i++) {
            JsonNode s = object(subs.get(i), "subscribers[" + i + "]");
            String at = "subscribers[" + i + "].";
            subscribers.add(new SessionSnapshot.Subscriber(text(s, "dataInfoId", at), text(s, "dataId", at),
                    text(s, "instanceId", at), text(s, "group", at), text(s, "registId", at), text(s, "client", at),
                    optionalText(s, "appName", at), text(s, "scope", at)));
        }
        return new SessionSnapshot(text(root, "session", ""), publishers, subscribers);
    }

    private static JsonNode array(JsonNode parent, String field) throws FeedException {
        JsonNode value = parent.get(field);
        if (value == null || !value.isArray()) {
            throw new FeedException(field + " must be an array");
        }
        return value;
    }

    private static JsonNode object(JsonNode value, String path) throws FeedException {
        if (value == null || !value.isObject()) {
            throw new FeedException(path + " must be an object");
        }
        return value;
    }

    private static String text(JsonNode parent, String field, String at) throws FeedException {
        String value = optionalText(parent, field, at);
        if (value == null) {
            throw new FeedException(at + field + " is required");
        }
        return value;
    }

    private static String optionalText(JsonNode parent, String field, String at) throws FeedException {
        JsonNode value = parent.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new FeedException(at + field + " must be a string");
        }
        return value.asText();
    }

    private static List<String> texts(JsonNode parent, String field, String at) throws FeedException {
        JsonNode value = parent.get(field);
        if (value == null || !value.isArray()) {
            throw new FeedException(at + field + " must be an array of strings");
        }
        List<String> out = new ArrayList<>(value.size());
        for (JsonNode item : value) {
            if (!item.isTextual()) {
                throw new FeedException(at + field + " must be an array of strings");
            }
            out.add(item.asText());
        }
        return out;
    }
}
