package io.weft.acvip.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import io.weft.api.acvip.ServiceAddress;

/**
 * A domain's checksum: a hash of exactly what a client receives. Content-based rather than a counter,
 * so every ACVIP node with the same addresses gives the same checksum and a client that fails over to
 * another node is not sent the whole domain again.
 */
final class Checksums {

    private Checksums() {
    }

    /** 16 hex digits of SHA-256 over the name, the enabled flag and the addresses in listed order. */
    static String of(String name, boolean productEnabled, List<ServiceAddress> addresses) {
        StringBuilder text = new StringBuilder(name).append('\n').append(productEnabled).append('\n');
        for (ServiceAddress a : addresses) {
            text.append(a.host()).append(' ').append(a.port()).append(' ').append(a.dataCenter()).append(' ')
                    .append(a.zone()).append('\n');
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
