package io.weft.itest.sofarpc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.weft.itest.support.Http;

/**
 * An operator's governance of one SOFARPC service (RCP-19, RCP-20): the {@code override://} set SOFARPC consumers watch
 * as configurator (group {@code SOFA.CONFIG}, the service's own dataId, SOFARPC's instance id
 * {@code DEFAULT_INSTANCE_ID}), written as persistent data on the meta server's ops port, as an operator does with
 * curl. Each write replaces the whole set, with a version above the last.
 */
final class Overrides {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Http meta;
    private final String dataId;
    /** Each write takes the last version + 1, as an operator counting versions does, also right after a removal. */
    private long version = System.currentTimeMillis();

    Overrides(Http meta, String dataId) {
        this.meta = meta;
        this.dataId = dataId;
    }

    /** Replaces the set with these entries, e.g. {@code override://127.0.0.1:12200?disabled=true}, joined by '#'. */
    void put(String... entries) {
        ObjectNode body = key();
        body.put("version", ++version);
        body.put("data", String.join("#", entries));
        Http.Response answer = meta.postJson("/persistentData/put", body.toString());
        assertEquals(200, answer.status(), answer.body());
        assertSuccess(answer);
    }

    /** Removes the set: every provider is back as it published itself. */
    void remove() {
        Http.Response answer = meta.postJson("/persistentData/remove", key().toString());
        assertEquals(200, answer.status(), answer.body());
        assertSuccess(answer);
    }

    private ObjectNode key() {
        ObjectNode body = JSON.createObjectNode();
        body.put("dataId", dataId);
        body.put("group", "SOFA.CONFIG");
        body.put("instanceId", "DEFAULT_INSTANCE_ID");
        return body;
    }

    private static void assertSuccess(Http.Response answer) {
        try {
            assertEquals(true, JSON.readTree(answer.body()).path("success").asBoolean(), answer.body());
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + answer.body(), e);
        }
    }
}
