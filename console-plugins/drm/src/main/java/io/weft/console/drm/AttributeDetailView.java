package io.weft.console.drm;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import io.weft.api.drm.DrmAdmin;
import io.weft.api.drm.DrmAttribute;
import io.weft.api.drm.DrmException;
import io.weft.api.drm.GrayRelease;
import io.weft.api.drm.PushRecord;
import io.weft.api.drm.Subscribers;
import io.weft.api.drm.Subscribers.Subscriber;

/**
 * One attribute ({@code ?instance=..&key=..}): its current value, the forms that change it (push, or
 * a gray release to chosen client IPs or zones; while a gray release is open, promote or abandon it),
 * who listens to it and which version each holds, and its push history with a roll back per row.
 *
 * <p>Stable ids and names for browser tests: forms {@code push-form}, {@code gray-form},
 * {@code promote-form}, {@code abandon-form} (textarea {@code value}, inputs {@code ips} and
 * {@code zones}); tables {@code subscribers} (rows {@code data-client}, class {@code lagging} when a
 * client holds another version than it should), {@code history} (rows {@code data-version}, buttons
 * class {@code rollback}); {@code current-version}, {@code current-value}, {@code gray-version},
 * {@code unreachable}.
 */
final class AttributeDetailView {

    private final Links links;

    AttributeDetailView(Links links) {
        this.links = links;
    }

    void render(DrmAdmin admin, PageQuery query, Writer out) throws IOException {
        String instance = query.instance();
        String key = query.key();
        out.write("<p><a id=\"back-to-list\" href=\"" + Html.escape(links.list(instance, "", 1))
                + "\">&laquo; Attributes of " + Html.escape(instance) + "</a></p>\n");
        Optional<DrmAttribute> found = admin.attribute(instance, key);
        if (found.isEmpty()) {
            out.write("<p id=\"unknown-attribute\" class=\"error\">No attribute " + Html.escape(key) + " in instance "
                    + Html.escape(instance) + ".</p>\n");
            return;
        }
        DrmAttribute a = found.get();
        current(a, out);
        if (a.gray() == null) {
            pushForms(a, out);
        } else {
            openGray(a, a.gray(), out);
        }
        subscribers(admin, a, out);
        history(admin, a, query.historyLimit(), out);
    }

    private static void current(DrmAttribute a, Writer out) throws IOException {
        out.write("<div id=\"drm-attribute\" data-instance=\"" + Html.escape(a.instanceId()) + "\" data-key=\""
                + Html.escape(a.key()) + "\">\n<h2>" + Html.escape(a.key()) + " " + AttributeListView.grayBadge(a)
                + "</h2>\n<table class=\"nicetable\">\n"
                + "<tr><th>Instance</th><td>" + Html.escape(a.instanceId()) + "</td></tr>\n"
                + "<tr><th>Resource</th><td>" + Html.escape(a.resourceId()) + "</td></tr>\n"
                + "<tr><th>Attribute</th><td>" + Html.escape(a.attribute()) + "</td></tr>\n"
                + "<tr><th>Version</th><td id=\"current-version\">" + a.version() + "</td></tr>\n"
                + "<tr><th>Updated by</th><td id=\"updated-by\">" + Html.escape(a.updatedBy()) + "</td></tr>\n"
                + "<tr><th>Updated at</th><td id=\"updated-at\">" + Html.time(a.updatedAt()) + "</td></tr>\n"
                + "<tr><th>Value</th><td>" + (a.value() == null ? "<em id=\"current-value\">no value yet</em>"
                        : "<pre id=\"current-value\">" + Html.escape(a.value()) + "</pre>") + "</td></tr>\n"
                + "</table>\n</div>\n");
    }

    private void pushForms(DrmAttribute a, Writer out) throws IOException {
        out.write("<div id=\"drm-push\">\n");
        out.write(formStart("push-form", "push", a) + "<h3>Push to every client</h3>\n"
                + "<label>New value<br><textarea name=\"value\" rows=\"6\" cols=\"80\">" + Html.textarea(a.value())
                + "</textarea></label><br>\n<button type=\"submit\">Push</button>\n</form>\n");
        out.write(formStart("gray-form", "gray", a) + "<h3>Gray release</h3>\n"
                + "<p>Push to chosen clients first; check them in the subscribers table, then promote to everyone"
                + " or abandon.</p>\n"
                + "<label>Value<br><textarea name=\"value\" rows=\"6\" cols=\"80\">" + Html.textarea(a.value())
                + "</textarea></label><br>\n"
                + "<label>Client IPs (comma or space separated) <input type=\"text\" name=\"ips\" size=\"60\""
                + " maxlength=\"4096\"></label><br>\n"
                + "<label>Zones <input type=\"text\" name=\"zones\" size=\"30\" maxlength=\"1024\"></label><br>\n"
                + "<button type=\"submit\">Push to gray targets</button>\n</form>\n</div>\n");
    }

    private void openGray(DrmAttribute a, GrayRelease gray, Writer out) throws IOException {
        out.write("<div id=\"drm-gray\" class=\"gray-open\">\n<h3>Gray release open</h3>\n<table class=\"nicetable\">\n"
                + "<tr><th>Version</th><td id=\"gray-version\">" + gray.version() + "</td></tr>\n"
                + "<tr><th>Value</th><td><pre id=\"gray-value\">" + Html.escape(gray.value()) + "</pre></td></tr>\n"
                + "<tr><th>Client IPs</th><td id=\"gray-ips\">" + Html.escape(sorted(gray.targets().clientIps()))
                + "</td></tr>\n"
                + "<tr><th>Zones</th><td id=\"gray-zones\">" + Html.escape(sorted(gray.targets().zones()))
                + "</td></tr>\n"
                + "<tr><th>Opened by</th><td>" + Html.escape(gray.operator()) + "</td></tr>\n"
                + "<tr><th>Opened at</th><td>" + Html.time(gray.at()) + "</td></tr>\n</table>\n"
                + "<p id=\"push-blocked\">Every other client keeps version " + a.version() + " until the gray"
                + " release is promoted or abandoned; a new push waits until then.</p>\n");
        out.write(formStart("promote-form", "promote", a)
                + "<button type=\"submit\" onclick=\"return confirm('Push the gray value (version " + gray.version()
                + ") to every client?')\">Promote to everyone</button>\n</form>\n");
        out.write(formStart("abandon-form", "abandon", a)
                + "<button type=\"submit\" onclick=\"return confirm('Abandon the gray release? Its targets go back to"
                + " version " + a.version() + ".')\">Abandon</button>\n</form>\n</div>\n");
    }

    private static void subscribers(DrmAdmin admin, DrmAttribute a, Writer out) throws IOException {
        out.write("<div id=\"drm-subscribers\">\n<h3>Subscribers</h3>\n");
        Subscribers subs;
        try {
            subs = admin.subscribers(a.instanceId(), a.key());
        } catch (DrmException e) {
            out.write("<p id=\"subscribers-error\" class=\"error\">Subscribers could not be read: "
                    + Html.escape(e.getMessage()) + "</p>\n</div>\n");
            return;
        }
        if (!subs.unreachableNodes().isEmpty()) {
            out.write("<p id=\"unreachable\" class=\"warning\">drmdata nodes that did not answer (their clients are not"
                    + " listed): " + Html.escape(String.join(", ", subs.unreachableNodes())) + "</p>\n");
        }
        List<Subscriber> list = subs.subscribers();
        if (list.isEmpty()) {
            out.write("<p id=\"no-subscribers\">No client listens to this attribute. A client that should: check its"
                    + " ACVIP endpoint and instance id (DRM-25).</p>\n</div>\n");
            return;
        }
        long lagging = list.stream().filter(s -> ExpectedVersions.isLagging(a, s)).count();
        out.write("<p id=\"subscribers-summary\">" + list.size() + " client" + (list.size() == 1 ? "" : "s") + ", "
                + lagging + " lagging</p>\n");
        out.write("<table id=\"subscribers\" class=\"nicetable\">\n<thead><tr><th>Client IP</th><th>Zone</th><th>App</th>"
                + "<th>Version held</th><th>Should hold</th><th>State</th><th>drmdata node</th><th>Connected since</th>"
                + "<th>Last heartbeat</th></tr></thead>\n<tbody>\n");
        for (Subscriber s : list) {
            boolean isLagging = ExpectedVersions.isLagging(a, s);
            boolean gray = ExpectedVersions.isGrayTarget(a, s);
            String classes = (isLagging ? "lagging" : "current") + (gray ? " gray-target" : "");
            out.write("<tr class=\"" + classes + "\" data-client=\"" + Html.escape(s.clientIp()) + "\"><td>"
                    + Html.escape(s.clientIp()) + (gray ? " <span class=\"badge gray\">gray</span>" : "") + "</td><td>"
                    + Html.escape(s.zone()) + "</td><td>" + Html.escape(s.appName()) + "</td><td>" + s.version()
                    + "</td><td>" + ExpectedVersions.expected(a, s) + "</td><td>"
                    + (isLagging ? "<strong>lagging</strong>" : "ok") + "</td><td>" + Html.escape(s.drmdataNode())
                    + "</td><td>" + Html.time(s.connectedAtMillis()) + "</td><td>"
                    + (s.lastHeartbeatMillis() <= 0 ? "none yet" : Html.time(s.lastHeartbeatMillis())) + "</td></tr>\n");
        }
        out.write("</tbody>\n</table>\n</div>\n");
    }

    private void history(DrmAdmin admin, DrmAttribute a, int limit, Writer out) throws IOException {
        out.write("<div id=\"drm-history\">\n<h3>History</h3>\n");
        List<PushRecord> records = admin.history(a.instanceId(), a.key(), limit);
        if (records.isEmpty()) {
            out.write("<p>No pushes yet</p>\n</div>\n");
            return;
        }
        out.write("<table id=\"history\" class=\"nicetable\">\n<thead><tr><th>Version</th><th>Kind</th><th>Value</th>"
                + "<th>Operator</th><th>Time</th><th>Note</th><th></th></tr></thead>\n<tbody>\n");
        for (PushRecord r : records) {
            out.write("<tr data-version=\"" + r.version() + "\"><td>" + r.version() + "</td><td>" + r.kind().name()
                    + "</td><td>" + historyValue(r.value()) + "</td><td>" + Html.escape(r.operator()) + "</td><td>"
                    + Html.time(r.at()) + "</td><td>" + Html.escape(r.note()) + "</td><td>" + rollback(a, r)
                    + "</td></tr>\n");
        }
        out.write("</tbody>\n</table>\n");
        if (records.size() >= limit && limit < PageQuery.MAX_HISTORY) {
            out.write("<p><a id=\"more-history\" href=\"" + Html.escape(links.detail(a.instanceId(), a.key())
                    + "&history=" + Math.min(PageQuery.MAX_HISTORY, limit * 2)) + "\">Show older pushes</a></p>\n");
        }
        out.write("</div>\n");
    }

    /** A short value as is; a long one truncated, the whole of it one click away. */
    private static String historyValue(String value) {
        if (value == null) {
            return "";
        }
        if (!Html.isLong(value, Html.CELL_CHARS)) {
            return "<code>" + Html.escape(value) + "</code>";
        }
        return "<details><summary><code>" + Html.escape(Html.truncate(value, Html.CELL_CHARS))
                + "</code></summary><pre>" + Html.escape(value) + "</pre></details>";
    }

    private String rollback(DrmAttribute a, PushRecord r) {
        if (r.version() == a.version()) {
            return "<span class=\"current\">current</span>";
        }
        if (r.value() == null) {
            return "";
        }
        if (a.gray() != null) {
            // The admin refuses a roll back while a gray release is open, as it refuses any push.
            return "<button type=\"button\" class=\"rollback\" disabled title=\"Promote or abandon the gray release"
                    + " first\">Roll back to this</button>";
        }
        // The confirm text holds only a number: nothing from the database reaches the script.
        return formStart(null, "rollback", a) + "<input type=\"hidden\" name=\"version\" value=\"" + r.version()
                + "\">\n<button type=\"submit\" class=\"rollback\" onclick=\"return confirm('Push the value of version "
                + r.version() + " to every client, as a new version?')\">Roll back to this</button>\n</form>";
    }

    private String formStart(String id, String action, DrmAttribute a) {
        return "<form" + (id == null ? "" : " id=\"" + id + "\"") + " method=\"post\" accept-charset=\"UTF-8\" action=\""
                + Html.escape(links.page()) + "\">\n<input type=\"hidden\" name=\"action\" value=\"" + action + "\">\n"
                + "<input type=\"hidden\" name=\"instance\" value=\"" + Html.escape(a.instanceId()) + "\">\n"
                + "<input type=\"hidden\" name=\"key\" value=\"" + Html.escape(a.key()) + "\">\n";
    }

    private static String sorted(java.util.Set<String> values) {
        return String.join(", ", new TreeSet<>(values));
    }
}
