package io.weft.acvip.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.weft.acvip.Fakes;
import io.weft.acvip.book.AddressBook;
import io.weft.api.acvip.ServiceAddress;
import io.weft.testing.MutableClock;

class DomainResolverTest {

    private final Fakes.Directory directory = new Fakes.Directory().put("000001", Set.of("SOFAREGISTRY"));
    private final AddressBook book = new AddressBook(new MutableClock(), Duration.ofSeconds(10), s -> { });
    private final DomainResolver resolver = new DomainResolver(() -> directory, book);
    private final ServiceAddress kafka = new ServiceAddress("SOFAKAFKA", "10.0.0.5", 9092, "dc1", "z1");

    @Test
    @DisplayName("CON-26/CON-27: {instanceId}-SOFAKAFKA lists the brokers with their dataCenter")
    void listsAddresses() {
        book.putLocal(kafka);
        DomainView view = resolver.resolve("default-SOFAKAFKA");
        assertTrue(view.productEnabled());
        assertEquals(List.of(kafka), view.addresses());
    }

    @Test
    @DisplayName("CON-21/CON-27: a product not enabled for the instance gives an empty list, flagged as such")
    void productNotEnabled() {
        book.putLocal(kafka);
        DomainView view = resolver.resolve("000001-SOFAKAFKA");
        assertFalse(view.productEnabled());
        assertEquals(List.of(), view.addresses());
    }

    @Test
    @DisplayName("CON-25: unknown instance, unknown product and a malformed name are answered explicitly")
    void unknownDomains() {
        Map<String, String> ask = new LinkedHashMap<>();
        ask.put("nobody-DRM", "N");
        ask.put("default-FOO", "N");
        ask.put("DRM", "N");
        ask.put("default-DRM", "N");
        LookupAnswer answer = resolver.answer(ask);
        assertEquals("no instance 'nobody'", answer.unknown().get("nobody-DRM"));
        assertTrue(answer.unknown().get("default-FOO").startsWith("unknown product 'FOO'"));
        assertTrue(answer.unknown().get("DRM").startsWith("not a domain name"));
        assertEquals(List.of("default-DRM"), answer.changed().stream().map(DomainView::name).toList());
    }

    @Test
    @DisplayName("CON-25: the held checksum of an unchanged domain is answered 'not modified'; a change alters it")
    void checksum() {
        book.putLocal(kafka);
        String checksum = resolver.resolve("default-SOFAKAFKA").checksum();
        LookupAnswer same = resolver.answer(Map.of("default-SOFAKAFKA", checksum));
        assertEquals(List.of("default-SOFAKAFKA"), same.notModified());
        assertFalse(same.hasNews());

        book.putLocal(new ServiceAddress("SOFAKAFKA", "10.0.0.6", 9092, "dc2", "z2"));
        LookupAnswer changed = resolver.answer(Map.of("default-SOFAKAFKA", checksum));
        assertEquals(1, changed.changed().size());
        assertNotEquals(checksum, changed.changed().get(0).checksum());
    }
}
