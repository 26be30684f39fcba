package io.weft.console.registry.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FeedCodecTest {

    private static final String SNAPSHOT = """
            {"format":1,"session":"10.0.0.1:9600","future":"ignored",
             "publishers":[{"dataInfoId":"com.example.Echo:1.0@DEFAULT#@#DEFAULT_INSTANCE_ID#@#SOFA",
               "dataId":"com.example.Echo:1.0@DEFAULT","instanceId":"DEFAULT_INSTANCE_ID","group":"SOFA",
               "registId":"r1","client":"10.0.0.5:40001","appName":"echo-app","zone":"GZ00A",
               "data":["bolt://10.0.0.5:12200?weight=100"]}],
             "subscribers":[{"dataInfoId":"com.example.Echo:1.0@DEFAULT#@#DEFAULT_INSTANCE_ID#@#SOFA",
               "dataId":"com.example.Echo:1.0@DEFAULT","instanceId":"DEFAULT_INSTANCE_ID","group":"SOFA",
               "registId":"s1","client":"10.0.0.6:40002","appName":null,"scope":"global"}]}
            """;

    private final FeedCodec codec = new FeedCodec();

    @Test
    @DisplayName("REG-91, CON-7: a session's snapshot is read with its publishers' data and its subscribers; unknown fields are ignored")
    void readsSnapshot() throws FeedException {
        SessionSnapshot s = codec.decode(SNAPSHOT.getBytes(StandardCharsets.UTF_8));
        assertEquals("10.0.0.1:9600", s.session());
        assertEquals(1, s.publishers().size());
        SessionSnapshot.Publisher p = s.publishers().get(0);
        assertEquals("echo-app", p.appName());
        assertEquals(List.of("bolt://10.0.0.5:12200?weight=100"), p.data());
        assertEquals("10.0.0.5:40001", p.client());
        SessionSnapshot.Subscriber sub = s.subscribers().get(0);
        assertNull(sub.appName());
        assertEquals("global", sub.scope());
    }

    @Test
    @DisplayName("REG-91: a body that is not a snapshot is refused naming what is wrong")
    void refusesBadBodies() {
        assertTrue(message("not json").startsWith("not JSON"));
        assertEquals("the snapshot must be a JSON object", message("[1,2]"));
        assertEquals("format 2 is not 1", message("{\"format\":2,\"publishers\":[],\"subscribers\":[]}"));
        assertEquals("publishers must be an array", message("{\"format\":1,\"session\":\"s\",\"subscribers\":[]}"));
        assertEquals("publishers[0].registId is required", message(SNAPSHOT.replace("\"registId\":\"r1\",", "")));
        assertEquals("publishers[0].data must be an array of strings",
                message(SNAPSHOT.replace("[\"bolt://10.0.0.5:12200?weight=100\"]", "[1]")));
        assertEquals("subscribers[0].client must be a string",
                message(SNAPSHOT.replace("\"client\":\"10.0.0.6:40002\"", "\"client\":{}")));
    }

    private String message(String body) {
        return assertThrows(FeedException.class, () -> codec.decode(body.getBytes(StandardCharsets.UTF_8)))
                .getMessage();
    }
}
