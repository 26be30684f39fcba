package io.weft.console.registry;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.owasp.encoder.Encode;

/** Escaping for the page: every text from a session, the database or the request goes through {@link #escape}. */
final class Html {

    private Html() {
    }

    static String escape(String text) {
        return text == null ? "" : Encode.forHtml(text);
    }

    static String url(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}
