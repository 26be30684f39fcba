package io.weft.acvip.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LookupRequestTest {

    private static LookupRequest parse(String json) throws BadRequestException {
        return LookupRequest.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String refused(String json) {
        return assertThrows(BadRequestException.class, () -> parse(json)).getMessage();
    }

    @Test
    @DisplayName("CON-25: the ops guide's request parses: domains with checksum N, allowPolling, from, clientVersion")
    void seedRequest() throws BadRequestException {
        LookupRequest r = parse("{\"allowPolling\": false,\"from\": \"sofakafka-client\",\"clientVersion\":"
                + "\"direct_http_json\",\"vipDomainName2ChecksumMap\": {\"default-SOFAKAFKA\": \"N\"}}");
        assertEquals(Map.of("default-SOFAKAFKA", "N"), r.checksums());
        assertFalse(r.allowPolling());
        assertEquals("sofakafka-client", r.from());
        assertEquals("direct_http_json", r.clientVersion());
    }

    @Test
    @DisplayName("CON-25: fields of real antvip clients (datacenter, startTime, extensionParams) are ignored")
    void extraFields() throws BadRequestException {
        LookupRequest r = parse("{\"allowPolling\":true,\"datacenter\":\"dc1\",\"startTime\":1,"
                + "\"extensionParams\":{\"AppName\":\"x\"},\"vipDomainName2ChecksumMap\":{\"a-DRM\":\"1\",\"b-DRM\":null}}");
        assertTrue(r.allowPolling());
        assertEquals(Map.of("a-DRM", "1", "b-DRM", "N"), r.checksums());
    }

    @Test
    @DisplayName("Malformed ACVIP JSON: broken JSON is refused with where it breaks")
    void brokenJson() {
        String message = refused("{\"vipDomainName2ChecksumMap\": {\"default-DRM\": \"N\"");
        assertTrue(message.startsWith("malformed JSON at line 1 column"), message);
    }

    @Test
    @DisplayName("Malformed ACVIP JSON: empty body, non-object, trailing data and duplicate keys are refused")
    void notOneObject() {
        assertTrue(refused("").startsWith("empty body"));
        assertTrue(refused("[1,2]").contains("expected a JSON object"));
        assertTrue(refused("{\"vipDomainName2ChecksumMap\":{\"a-DRM\":\"N\"}} {}").startsWith("malformed JSON"));
        assertTrue(refused("{\"vipDomainName2ChecksumMap\":{\"a-DRM\":\"N\",\"a-DRM\":\"1\"}}").contains("a-DRM"));
    }

    @Test
    @DisplayName("Malformed ACVIP JSON: a missing, wrong-typed or empty domain map is named in the error")
    void badMap() {
        assertTrue(refused("{\"allowPolling\":false}").startsWith("missing 'vipDomainName2ChecksumMap'"));
        assertTrue(refused("{\"vipDomainName2ChecksumMap\":[\"a-DRM\"]}").contains("must be an object"));
        assertTrue(refused("{\"vipDomainName2ChecksumMap\":{}}").contains("names no domain"));
        assertEquals("checksum of 'a-DRM' must be a string (\"N\" for none), got number 12",
                refused("{\"vipDomainName2ChecksumMap\":{\"a-DRM\":12}}"));
        assertEquals("'allowPolling' must be true or false, got string \"yes\"",
                refused("{\"allowPolling\":\"yes\",\"vipDomainName2ChecksumMap\":{\"a-DRM\":\"N\"}}"));
    }

    @Test
    @DisplayName("Registration: a bad port or service is refused before anything is registered")
    void badRegistration() {
        BadRequestException e = assertThrows(BadRequestException.class, () -> RegistrationRequest.parse(
                "{\"service\":\"DRM\",\"host\":\"10.0.0.1\",\"port\":\"9880\"}".getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().startsWith("'port' must be a whole number"), e.getMessage());
        e = assertThrows(BadRequestException.class, () -> RegistrationRequest.parse(
                "{\"service\":\"drm\",\"host\":\"10.0.0.1\",\"port\":9880}".getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().startsWith("service must be upper case"), e.getMessage());
    }
}
