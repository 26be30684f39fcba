package io.weft.console.drm;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;

import io.weft.api.drm.DrmAdmin;
import io.weft.api.drm.DrmException;

/**
 * The DRM page as the Web Console wraps it (GET): the attribute list or one attribute's detail, as the
 * query asks, then the drmdata nodes. Free of servlet types so it is tested with a plain writer. Without
 * a {@link DrmAdmin} (no drm role on this node) it says so and shows nothing else; when the admin
 * refuses (the database unreachable) the block says why and the rest of the page still renders.
 */
final class DrmPage {

    static final String UNAVAILABLE = "DRM administration is not available on this node (no drm role)";

    private static final String STYLE = "<style>\n"
            + "#weft-drm h2 { font-size: 1.2em; font-weight: bold; margin: 1em 0 .4em; }\n"
            + "#weft-drm h3 { font-weight: bold; margin: .8em 0 .3em; }\n"
            + "#weft-drm form { margin: .4em 0; }\n"
            + "#weft-drm td form { margin: 0; }\n"
            + "#weft-drm tr.lagging td { background: #fde2e2; }\n"
            + "#weft-drm tr.down td { color: #888; }\n"
            + "#weft-drm .badge.gray { background: #777; color: #fff; padding: 0 .4em; border-radius: .3em; }\n"
            + "#weft-drm .warning { color: #8a5a00; }\n"
            + "#weft-drm .error { color: #b00020; }\n"
            + "#weft-drm pre { white-space: pre-wrap; word-break: break-all; max-height: 20em; overflow: auto; }\n"
            + "</style>\n";

    private final AttributeListView list;
    private final AttributeDetailView detail;
    private final NodesView nodes = new NodesView();

    DrmPage(Links links) {
        this.list = new AttributeListView(links);
        this.detail = new AttributeDetailView(links);
    }

    void render(DrmAdmin admin, PageQuery query, Writer out) throws IOException {
        out.write(STYLE + "<div id=\"weft-drm\">\n");
        if (admin == null) {
            out.write("<p id=\"drm-unavailable\" class=\"warning\">" + Html.escape(UNAVAILABLE) + "</p>\n</div>\n");
            return;
        }
        // Written aside first: a refusal half way through a block must not leave half a table behind.
        StringWriter view = new StringWriter();
        try {
            if (query.isDetail()) {
                detail.render(admin, query, view);
            } else {
                list.render(admin, query, view);
            }
            out.write(view.toString());
        } catch (DrmException e) {
            out.write("<p id=\"page-error\" class=\"error\">" + Html.escape(e.getMessage()) + "</p>\n");
        }
        try {
            nodes.render(admin.nodes(), out);
        } catch (DrmException e) {
            out.write("<p id=\"nodes-error\" class=\"error\">drmdata nodes could not be read: "
                    + Html.escape(e.getMessage()) + "</p>\n");
        }
        out.write("</div>\n");
    }
}
