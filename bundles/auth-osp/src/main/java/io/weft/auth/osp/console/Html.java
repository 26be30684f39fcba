package io.weft.auth.osp.console;

import org.owasp.encoder.Encode;

/** Escaping for text and attribute values written into the page (OWASP Java Encoder, already in the node for the Web Console). */
final class Html {

    private Html() {
    }

    /** Escapes the five characters that can end a text node or a quoted attribute value. */
    static String escape(String text) {
        return text == null ? "" : Encode.forHtml(text);
    }
}
