package io.weft.console.drm;

import java.io.IOException;
import java.io.Writer;

/**
 * The document answering a POST (the Web Console wraps GETs in its layout, not POST answers): the
 * outcome in block {@code result} (class {@code ok} or {@code error}, {@code data-version} with the
 * version created) and link {@code back} to the attribute acted on.
 */
final class OutcomeView {

    private final Links links;

    OutcomeView(Links links) {
        this.links = links;
    }

    void render(Outcome outcome, Writer out) throws IOException {
        out.write("<!DOCTYPE html>\n<html><head><meta charset=\"UTF-8\"><title>DRM</title></head><body>\n");
        out.write("<div id=\"result\" class=\"" + (outcome.ok() ? "ok" : "error") + "\" data-status=\""
                + outcome.status() + "\"" + (outcome.version() >= 0 ? " data-version=\"" + outcome.version() + "\"" : "")
                + ">\n<p>" + (outcome.ok() ? "" : "Refused: ") + Html.escape(outcome.message()) + "</p>\n");
        if (!outcome.details().isEmpty()) {
            out.write("<ul>\n");
            for (String line : outcome.details()) {
                out.write("<li>" + Html.escape(line) + "</li>\n");
            }
            out.write("</ul>\n");
        }
        out.write("</div>\n<p>" + backLink(outcome) + "</p>\n</body></html>\n");
    }

    private String backLink(Outcome outcome) {
        if (!outcome.instance().isEmpty() && !outcome.key().isEmpty()) {
            return "<a id=\"back\" href=\"" + Html.escape(links.detail(outcome.instance(), outcome.key())) + "\">Back to "
                    + Html.escape(outcome.key()) + "</a>";
        }
        if (!outcome.instance().isEmpty()) {
            return "<a id=\"back\" href=\"" + Html.escape(links.list(outcome.instance(), "", 1))
                    + "\">Back to the attributes of " + Html.escape(outcome.instance()) + "</a>";
        }
        return "<a id=\"back\" href=\"" + Html.escape(links.page()) + "\">Back to DRM</a>";
    }
}
