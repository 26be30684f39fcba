package io.weft.console.drm;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.owasp.encoder.Encode;

/**
 * Escaping and the small formatting rules every block of the page shares. Every text that comes from
 * the database or the request goes through {@link #escape} before it is written.
 */
final class Html {

    /** How much of a value a table cell shows; the rest is behind the detail page or a details element. */
    static final int CELL_CHARS = 80;

    private Html() {
    }

    /** Escapes the five characters that can end a text node or a quoted attribute value (OWASP Java Encoder). */
    static String escape(String text) {
        return text == null ? "" : Encode.forHtml(text);
    }

    /** A query parameter value, encoded for a URL (then still to be escaped for the attribute it goes in). */
    static String url(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }

    /** The first {@code max} code points of {@code text} and an ellipsis when there was more. */
    static String truncate(String text, int max) {
        if (text == null) {
            return "";
        }
        if (text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, max)) + "\u2026";
    }

    /** Whether {@link #truncate} would shorten {@code text}. */
    static boolean isLong(String text, int max) {
        return text != null && text.codePointCount(0, text.length()) > max;
    }

    /** UTC, to the second, as the other Weft pages and the logs print time. */
    static String time(Instant at) {
        return at == null ? "" : at.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** Epoch milliseconds as {@link #time(Instant)}; 0 or less means never. */
    static String time(long epochMillis) {
        return epochMillis <= 0 ? "" : time(Instant.ofEpochMilli(epochMillis));
    }

    /**
     * Text for a textarea. A browser drops one newline right after the opening tag, so a value that
     * starts with one gets an extra newline in front to survive the round trip through the form.
     */
    static String textarea(String value) {
        String v = value == null ? "" : value;
        return (v.startsWith("\n") || v.startsWith("\r\n") ? "\n" : "") + escape(v);
    }
}
