package io.weft.console.registry.feed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The HTTP calls of the feed: a session's snapshot ({@code GET http://host:9601/console/snapshot}) and the
 * session list of a meta server ({@code GET http://host:9615/digest/session/node/query}). Bodies larger than
 * {@code maxBodyBytes} are refused. Thread-safe.
 */
public final class FeedClient {

    public static final String SNAPSHOT_PATH = "/console/snapshot";
    public static final String SESSION_NODES_PATH = "/digest/session/node/query";

    private final HttpCalls http;
    private final int maxBodyBytes;
    private final FeedCodec codec = new FeedCodec();
    private final ObjectMapper mapper = new ObjectMapper();

    public FeedClient(HttpCalls http, int maxBodyBytes) {
        this.http = http;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** @param feed {@code host:port} of a session's console port */
    public SessionSnapshot snapshot(String feed) throws FeedException {
        return codec.decode(get(feed, SNAPSHOT_PATH));
    }

    /** The sessions a meta server knows, as it writes them ({@code host:port} of their client port). */
    public List<String> sessionNodes(String meta) throws FeedException {
        byte[] body = get(meta, SESSION_NODES_PATH);
        try {
            JsonNode root = mapper.readTree(body);
            if (root == null || !root.isObject()) {
                throw new FeedException("the session list of " + meta + " is not a JSON object");
            }
            List<String> nodes = new ArrayList<>();
            for (Iterator<String> names = root.fieldNames(); names.hasNext();) {
                nodes.add(names.next());
            }
            return nodes;
        } catch (IOException e) {
            throw new FeedException("the session list of " + meta + " is not JSON: " + e.getMessage(), e);
        }
    }

    private byte[] get(String hostPort, String path) throws FeedException {
        URI uri = URI.create("http://" + hostPort + path);
        HttpCalls.Answer answer;
        try {
            answer = http.get(uri, maxBodyBytes);
        } catch (IOException e) {
            throw new FeedException(uri + " unreachable: " + e, e);
        }
        byte[] body = answer.body();
        if (answer.status() != 200) {
            String text = new String(body, 0, Math.min(body.length, 300), java.nio.charset.StandardCharsets.UTF_8);
            throw new FeedException(uri + " answered " + answer.status() + ": " + text);
        }
        if (answer.truncated()) {
            throw new FeedException(uri + " answered more than " + maxBodyBytes + " bytes");
        }
        return body;
    }
}
