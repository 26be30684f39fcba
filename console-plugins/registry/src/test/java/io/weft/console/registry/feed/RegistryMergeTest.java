package io.weft.console.registry.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RegistryMergeTest {

    private static SessionSnapshot.Publisher pub(String dataId, String registId, String client, String data) {
        return new SessionSnapshot.Publisher(id(dataId), dataId, "DEFAULT_INSTANCE_ID", "SOFA", registId, client,
                "app", "GZ00A", List.of(data));
    }

    private static SessionSnapshot.Subscriber sub(String dataId, String registId, String client) {
        return new SessionSnapshot.Subscriber(id(dataId), dataId, "DEFAULT_INSTANCE_ID", "SOFA", registId, client,
                "consumer", "global");
    }

    private static String id(String dataId) {
        return dataId + "#@#DEFAULT_INSTANCE_ID#@#SOFA";
    }

    @Test
    @DisplayName("CON-4, CON-7: the sessions' snapshots merge into one service list by dataInfoId; a registId held by two sessions shows once")
    void mergesSessions() {
        SessionSnapshot a = new SessionSnapshot("s1:9600",
                List.of(pub("b.Svc", "r1", "10.0.0.5:1", "bolt://10.0.0.5:12200"),
                        pub("a.Svc", "r2", "10.0.0.6:1", "bolt://10.0.0.6:12200")),
                List.of(sub("a.Svc", "c1", "10.0.0.9:1")));
        SessionSnapshot b = new SessionSnapshot("s2:9600",
                List.of(pub("a.Svc", "r3", "10.0.0.7:1", "bolt://10.0.0.7:12200"),
                        pub("b.Svc", "r1", "10.0.0.5:2", "bolt://10.0.0.5:12200")),
                List.of(sub("c.Svc", "c2", "10.0.0.8:1")));
        RegistryView view = RegistryMerge.merge(List.of(a, b), Map.of("s3:9601", "unreachable"),
                List.of("s1:9601", "s2:9601", "s3:9601"), Instant.EPOCH);

        assertEquals(List.of(id("a.Svc"), id("b.Svc"), id("c.Svc")),
                view.services().stream().map(Service::dataInfoId).toList());
        Service svcA = view.service(id("a.Svc")).orElseThrow();
        assertEquals(List.of("10.0.0.6:1", "10.0.0.7:1"), svcA.publishers().stream().map(p -> p.client()).toList());
        assertEquals(1, svcA.subscribers().size());
        Service svcB = view.service(id("b.Svc")).orElseThrow();
        assertEquals(1, svcB.publishers().size(), "r1 is held by both sessions, shown once");
        assertEquals("10.0.0.5:1", svcB.publishers().get(0).client(), "from the first session");
        assertEquals(0, view.service(id("c.Svc")).orElseThrow().publishers().size());
        assertTrue(view.service("nope").isEmpty());
        assertEquals(Map.of("s3:9601", "unreachable"), view.errors());
    }

    @Test
    @DisplayName("CON-4: 10 000 services are searched (any case) and paged")
    void searchesAndPagesTenThousand() {
        List<SessionSnapshot.Publisher> pubs = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            pubs.add(pub(String.format("com.example.Service%05d:1.0", i), "r" + i, "10.0.0.5:" + (i % 60000 + 1),
                    "bolt://10.0.0.5:12200"));
        }
        RegistryView view = RegistryMerge.merge(List.of(new SessionSnapshot("s:9600", pubs, List.of())), Map.of(),
                List.of("s:9601"), Instant.EPOCH);

        RegistryView.Page first = view.page("", 0, 50);
        assertEquals(10_000, first.total());
        assertEquals(50, first.services().size());
        RegistryView.Page last = view.page(null, 9_980, 50);
        assertEquals(20, last.services().size());
        assertEquals(id("com.example.Service09999:1.0"), last.services().get(19).dataInfoId());

        RegistryView.Page found = view.page("SERVICE0012", 0, 50);
        assertEquals(10, found.total(), "Service00120..00129");
        assertEquals(id("com.example.Service00120:1.0"), found.services().get(0).dataInfoId());
        assertEquals(0, view.page("absent", 0, 50).total());
        assertTrue(view.service(id("com.example.Service05000:1.0")).isPresent());
    }

    @Test
    @DisplayName("CON-5: the provider address and published weight are read from SOFARPC and plain published values")
    void providerAddresses() {
        ProviderAddress rpc = ProviderAddress.of("bolt://10.0.0.5:12200?weight=80&appName=x").orElseThrow();
        assertEquals("10.0.0.5:12200", rpc.hostPort());
        assertEquals(80, rpc.weight().getAsInt());
        ProviderAddress plain = ProviderAddress.of("127.0.0.1:12200?v=1").orElseThrow();
        assertEquals("127.0.0.1", plain.host());
        assertTrue(plain.weight().isEmpty());
        assertEquals("[::1]:12200", ProviderAddress.of("bolt://[::1]:12200/path").orElseThrow().hostPort());
        assertTrue(ProviderAddress.of("just some data").isEmpty());
        assertTrue(ProviderAddress.of("host:99999").isEmpty());
    }

    @Test
    @DisplayName("CON-7: session and meta lists take host[:port] with a default port")
    void hostPorts() {
        assertEquals(List.of("a:9601", "b:1", "[::1]:2"), HostPorts.list(" a, b:1,,[::1]:2, a", 9601));
        assertEquals("10.0.0.1:9601", HostPorts.withHostOf("10.0.0.1:9600", 9601));
        assertEquals("10.0.0.1:9601", HostPorts.withHostOf("10.0.0.1", 9601));
    }
}
