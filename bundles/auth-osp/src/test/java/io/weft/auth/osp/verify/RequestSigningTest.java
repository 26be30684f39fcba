package io.weft.auth.osp.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.weft.api.osp.RequestSigning;

/** Vectors computed outside Java: {@code printf '%s' STRING | openssl dgst -sha256 -hmac KEY -binary | base64}. */
class RequestSigningTest {

    private static final String SECRET = "ExampleSecretKey0123456789abcd";

    @Test
    @DisplayName("HMAC-SHA256 matches RFC 4231 test case 2, Base64-encoded")
    void rfc4231() {
        assertEquals("W9zBRr9gdU5qBCQmCJV1x1oAPwidJzmDnexYuWTsOEM=",
                RequestSigning.sign("Jefe", "what do ya want for nothing?"));
    }

    @Test
    @DisplayName("REG-26: a registry client signs instanceId + timestamp, as openssl computes it")
    void registryVector() {
        String toSign = RequestSigning.stringToSign("default", 1583403600000L, "");
        assertEquals("default1583403600000", toSign);
        assertEquals("YzKxdVus2OI1Zfr0EbevE2FwawKzop0sPhIUEo78Y0Q=", RequestSigning.sign(SECRET, toSign));
    }

    @Test
    @DisplayName("CON-22: a request with content signs instanceId + timestamp + newline + content")
    void contentVector() {
        String toSign = RequestSigning.stringToSign("default", 1583403600000L, "POST /api/x");
        assertEquals("default1583403600000\nPOST /api/x", toSign);
        assertEquals("2E3Xi4xFbRlldz87vdC1styOlY3X/+F1528Q2LiMivs=", RequestSigning.sign(SECRET, toSign));
    }

    @Test
    @DisplayName("REG-26: the registry timestamp is the start of the five-minute slot (seed sample 1583403600000)")
    void registryTimestamp() {
        // The seed's register timestamp 1583403690444 carried !Timestamp=1583403600000.
        assertEquals(1583403600000L, RequestSigning.registryTimestamp(1583403690444L));
        assertEquals(1583403600000L, RequestSigning.registryTimestamp(1583403600000L));
    }
}
