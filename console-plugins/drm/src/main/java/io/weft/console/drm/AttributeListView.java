package io.weft.console.drm;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

import io.weft.api.drm.DrmAdmin;
import io.weft.api.drm.DrmAttribute;
import io.weft.api.drm.Page;

/**
 * The page's first view: the instance selector (a list of the instances that have attributes, and a
 * free text field for any other), then the chosen instance's attributes, searched and paged by the admin
 * ({@value PageQuery#PAGE_SIZE} a page, so an instance with ten thousand attributes costs one page's
 * query), and a form to declare an attribute before any client does.
 *
 * <p>Stable ids for browser tests: forms {@code instance-form}, {@code instance-text-form},
 * {@code search-form}, {@code declare-form}; table {@code attributes} with rows {@code data-key};
 * {@code attributes-summary}; links {@code prev-page}, {@code next-page}.
 */
final class AttributeListView {

    private final Links links;

    AttributeListView(Links links) {
        this.links = links;
    }

    void render(DrmAdmin admin, PageQuery query, Writer out) throws IOException {
        List<String> instances = admin.instances();
        String instance = !query.instance().isEmpty() ? query.instance()
                : instances.isEmpty() ? "" : instances.get(0);
        instanceSelector(instances, instance, out);
        if (instance.isEmpty()) {
            return;
        }

        Page<DrmAttribute> page = admin.attributes(instance, query.search(), query.offset(), PageQuery.PAGE_SIZE);
        int pageNumber = query.page();
        if (page.items().isEmpty() && page.total() > 0 && query.offset() >= page.total()) {
            // A page past the end (the list shrank, or a hand-edited URL): show the last one there is.
            pageNumber = lastPage(page.total());
            page = admin.attributes(instance, query.search(), (pageNumber - 1) * PageQuery.PAGE_SIZE,
                    PageQuery.PAGE_SIZE);
        }

        out.write("<div id=\"drm-attributes\">\n<h2>Attributes of " + Html.escape(instance) + "</h2>\n");
        searchForm(instance, query.search(), out);
        summary(page, query.search(), out);
        if (!page.items().isEmpty()) {
            table(page.items(), out);
            paging(instance, query.search(), pageNumber, page.total(), out);
        }
        declareForm(instance, out);
        out.write("</div>\n");
    }

    private void instanceSelector(List<String> instances, String instance, Writer out) throws IOException {
        out.write("<div id=\"drm-instances\">\n<h2>Instance</h2>\n");
        if (instances.isEmpty()) {
            out.write("<p>No instance has attributes yet: they appear when a client registers its resources,"
                    + " or open an instance below and declare one.</p>\n");
        } else {
            out.write("<form id=\"instance-form\" method=\"get\" action=\"" + Html.escape(links.page()) + "\">\n"
                    + "<label>Instance <select name=\"instance\">\n");
            for (String i : instances) {
                out.write("<option value=\"" + Html.escape(i) + "\"" + (i.equals(instance) ? " selected" : "") + ">"
                        + Html.escape(i) + "</option>\n");
            }
            out.write("</select></label>\n<button type=\"submit\">Show</button>\n</form>\n");
        }
        out.write("<form id=\"instance-text-form\" method=\"get\" action=\"" + Html.escape(links.page()) + "\">\n"
                + "<label>Other instance <input type=\"text\" name=\"instance\" maxlength=\"128\" value=\""
                + (instances.contains(instance) ? "" : Html.escape(instance)) + "\"></label>\n"
                + "<button type=\"submit\">Open</button>\n</form>\n</div>\n");
    }

    private void searchForm(String instance, String search, Writer out) throws IOException {
        out.write("<form id=\"search-form\" method=\"get\" action=\"" + Html.escape(links.page()) + "\">\n"
                + "<input type=\"hidden\" name=\"instance\" value=\"" + Html.escape(instance) + "\">\n"
                + "<label>Key contains <input type=\"search\" name=\"q\" maxlength=\"256\" value=\""
                + Html.escape(search) + "\"></label>\n<button type=\"submit\">Search</button>\n");
        if (!search.isEmpty()) {
            out.write("<a id=\"clear-search\" href=\"" + Html.escape(links.list(instance, "", 1)) + "\">Show all</a>\n");
        }
        out.write("</form>\n");
    }

    private static void summary(Page<DrmAttribute> page, String search, Writer out) throws IOException {
        String matching = search.isEmpty() ? "" : " matching \u201c" + Html.escape(search) + "\u201d";
        out.write("<p id=\"attributes-summary\">");
        if (page.items().isEmpty()) {
            out.write("No attributes" + matching);
        } else {
            out.write("Attributes " + (page.offset() + 1) + "\u2013" + (page.offset() + page.items().size()) + " of "
                    + page.total() + matching);
        }
        out.write("</p>\n");
    }

    private void table(List<DrmAttribute> attributes, Writer out) throws IOException {
        out.write("<table id=\"attributes\" class=\"nicetable\">\n<thead><tr><th>Key</th><th>Resource</th>"
                + "<th>Attribute</th><th>Value</th><th>Version</th><th>Updated by</th><th>Updated at</th>"
                + "<th>Gray</th></tr></thead>\n<tbody>\n");
        for (DrmAttribute a : attributes) {
            out.write("<tr data-key=\"" + Html.escape(a.key()) + "\"><td><a href=\""
                    + Html.escape(links.detail(a.instanceId(), a.key())) + "\">" + Html.escape(a.key()) + "</a></td><td>"
                    + Html.escape(a.resourceId()) + "</td><td>" + Html.escape(a.attribute()) + "</td><td>"
                    + value(a.value()) + "</td><td>" + a.version() + "</td><td>" + Html.escape(a.updatedBy())
                    + "</td><td>" + Html.time(a.updatedAt()) + "</td><td>" + grayBadge(a) + "</td></tr>\n");
        }
        out.write("</tbody>\n</table>\n");
    }

    static String value(String value) {
        return value == null ? "<em>no value yet</em>" : "<code>" + Html.escape(Html.truncate(value, Html.CELL_CHARS))
                + "</code>";
    }

    static String grayBadge(DrmAttribute a) {
        return a.gray() == null ? ""
                : "<span class=\"badge gray\" title=\"gray release open: version " + a.gray().version()
                        + "\">gray v" + a.gray().version() + "</span>";
    }

    private void paging(String instance, String search, int pageNumber, int total, Writer out) throws IOException {
        int last = lastPage(total);
        if (last <= 1) {
            return;
        }
        out.write("<p id=\"paging\">");
        if (pageNumber > 1) {
            out.write("<a id=\"prev-page\" href=\"" + Html.escape(links.list(instance, search, pageNumber - 1))
                    + "\">&laquo; Previous</a> ");
        }
        out.write("Page " + pageNumber + " of " + last);
        if (pageNumber < last) {
            out.write(" <a id=\"next-page\" href=\"" + Html.escape(links.list(instance, search, pageNumber + 1))
                    + "\">Next &raquo;</a>");
        }
        out.write("</p>\n");
    }

    private void declareForm(String instance, Writer out) throws IOException {
        out.write("<form id=\"declare-form\" method=\"post\" accept-charset=\"UTF-8\" action=\""
                + Html.escape(links.page()) + "\">\n<h3>Declare an attribute</h3>\n"
                + "<input type=\"hidden\" name=\"action\" value=\"declare\">\n"
                + "<input type=\"hidden\" name=\"instance\" value=\"" + Html.escape(instance) + "\">\n"
                + "<label>Key (resourceId:attribute) <input type=\"text\" name=\"key\" maxlength=\"512\"></label>\n"
                + "<button type=\"submit\">Declare</button>\n</form>\n");
    }

    private static int lastPage(int total) {
        return Math.max(1, (total + PageQuery.PAGE_SIZE - 1) / PageQuery.PAGE_SIZE);
    }
}
