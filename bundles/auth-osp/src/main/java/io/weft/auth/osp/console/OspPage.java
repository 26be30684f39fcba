package io.weft.auth.osp.console;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.weft.api.osp.AccessKey;
import io.weft.api.osp.Instance;
import io.weft.auth.osp.admin.Names;
import io.weft.auth.osp.admin.NewAccessKey;
import io.weft.auth.osp.admin.OspAdmin;
import io.weft.auth.osp.admin.OspRequestException;
import io.weft.auth.osp.store.Tenant;

/**
 * The OSP console page, free of servlet types so it is tested with a plain writer.
 *
 * <p>{@link #render} writes the fragment the Web Console wraps in its layout (GET): blocks
 * {@code weft-osp-tenants}, {@code weft-osp-instances}, {@code weft-osp-keys} (listings, never a secret)
 * and {@code weft-osp-forms} (one form per action, posting {@code action} and its fields back to the same
 * URL). {@link #handle} runs one posted action; {@link #renderResult} writes the whole document the
 * console sends back for it (the console does not wrap POST answers): the outcome, the new SecretKey
 * (the one time it is shown, block {@code weft-osp-secret}), and a link back. Every text printed is
 * escaped.
 */
final class OspPage {

    /** What a posted action came to: a message, and the new key when one was created. */
    record Result(boolean ok, String message, NewAccessKey created) {
    }

    /** Runs the action named by {@code action}; bad input and refusals come back as a failed result. */
    Result handle(OspAdmin admin, Function<String, String> param) {
        String action = trim(param.apply("action"));
        try {
            switch (action) {
                case "tenant-create" -> {
                    Tenant t = admin.createTenant(trim(param.apply("tenant")));
                    return new Result(true, "Created tenant " + t.name(), null);
                }
                case "instance-create" -> {
                    String products = trim(param.apply("products"));
                    List<String> list = products.isEmpty() ? List.of()
                            : List.of(products.split("[,\\s]+")).stream().filter(p -> !p.isEmpty()).toList();
                    Instance i = admin.createInstance(trim(param.apply("tenant")), trim(param.apply("instanceId")),
                            trim(param.apply("workspace")), list);
                    return new Result(true, "Created instance " + i.instanceId() + " (tenant " + i.tenant()
                            + ", workspace " + i.workspace() + ", products " + sorted(i.products()) + ")", null);
                }
                case "key-create" -> {
                    NewAccessKey created = admin.createAccessKey(trim(param.apply("instanceId")),
                            List.copyOf(Names.permissions(trim(param.apply("permissions")))));
                    return new Result(true, "Created AccessKey " + created.key().accessKeyId() + " for instance "
                            + created.key().instanceId(), created);
                }
                case "key-revoke" -> {
                    AccessKey k = admin.revokeAccessKey(trim(param.apply("accessKeyId")));
                    return new Result(true, "Revoked AccessKey " + k.accessKeyId(), null);
                }
                default -> {
                    return new Result(false, "Unknown action '" + action + "'", null);
                }
            }
        } catch (OspRequestException e) {
            return new Result(false, e.getMessage(), null);
        }
    }

    void render(OspAdmin admin, Writer out) throws IOException {
        List<Tenant> tenants = admin.tenants();
        List<Instance> instances = admin.instances();
        List<AccessKey> keys = admin.accessKeys();
        Map<String, Long> perTenant = instances.stream()
                .collect(Collectors.groupingBy(Instance::tenant, Collectors.counting()));

        out.write("<div id=\"weft-osp-tenants\">\n<h2>Tenants</h2>\n");
        if (tenants.isEmpty()) {
            out.write("<p>No tenants</p>\n");
        } else {
            out.write("<table class=\"nicetable\">\n<thead><tr><th>Tenant</th><th>Instances</th><th>Created</th>"
                    + "</tr></thead>\n<tbody>\n");
            for (Tenant t : tenants) {
                out.write("<tr data-tenant=\"" + Html.escape(t.name()) + "\"><td>" + Html.escape(t.name()) + "</td><td>"
                        + perTenant.getOrDefault(t.name(), 0L) + "</td><td>" + time(t.createdAt()) + "</td></tr>\n");
            }
            out.write("</tbody>\n</table>\n");
        }
        out.write("</div>\n");

        out.write("<div id=\"weft-osp-instances\">\n<h2>Instances</h2>\n");
        if (instances.isEmpty()) {
            out.write("<p>No instances</p>\n");
        } else {
            out.write("<table class=\"nicetable\">\n<thead><tr><th>Instance</th><th>Tenant</th><th>Workspace</th>"
                    + "<th>Products</th></tr></thead>\n<tbody>\n");
            for (Instance i : instances) {
                out.write("<tr data-instance=\"" + Html.escape(i.instanceId()) + "\"><td>" + Html.escape(i.instanceId())
                        + "</td><td>" + Html.escape(i.tenant()) + "</td><td>" + Html.escape(i.workspace()) + "</td><td>"
                        + Html.escape(sorted(i.products())) + "</td></tr>\n");
            }
            out.write("</tbody>\n</table>\n");
        }
        out.write("</div>\n");

        out.write("<div id=\"weft-osp-keys\">\n<h2>AccessKeys</h2>\n");
        if (keys.isEmpty()) {
            out.write("<p>No AccessKeys</p>\n");
        } else {
            out.write("<table class=\"nicetable\">\n<thead><tr><th>AccessKey</th><th>Instance</th><th>State</th>"
                    + "<th>Created</th><th>Permissions</th></tr></thead>\n<tbody>\n");
            for (AccessKey k : keys) {
                out.write("<tr data-access-key=\"" + Html.escape(k.accessKeyId()) + "\"><td>" + Html.escape(k.accessKeyId())
                        + "</td><td>" + Html.escape(k.instanceId()) + "</td><td>"
                        + (k.isActive() ? "active" : "revoked " + time(k.revokedAt())) + "</td><td>"
                        + time(k.createdAt()) + "</td><td>" + Html.escape(sorted(k.permissions())) + "</td></tr>\n");
            }
            out.write("</tbody>\n</table>\n");
        }
        out.write("</div>\n");

        out.write("<div id=\"weft-osp-forms\">\n<h2>Create</h2>\n");
        form(out, "tenant-create", "Create tenant", new String[][] {{"tenant", "Tenant"}});
        form(out, "instance-create", "Create instance", new String[][] {{"tenant", "Tenant"},
            {"instanceId", "InstanceId"}, {"workspace", "Workspace (default: default)"},
            {"products", "Products (default: all of " + String.join(", ", Names.PRODUCTS) + ")"}});
        form(out, "key-create", "Create AccessKey", new String[][] {{"instanceId", "InstanceId"},
            {"permissions", "Permissions, comma-separated (e.g. antcloud.deps.cell.list)"}});
        form(out, "key-revoke", "Revoke AccessKey", new String[][] {{"accessKeyId", "AccessKey"}});
        out.write("</div>\n");
    }

    /** The document answering a POST. */
    void renderResult(Result result, String pageUrl, Writer out) throws IOException {
        out.write("<!DOCTYPE html>\n<html><head><meta charset=\"UTF-8\"><title>OSP</title></head><body>\n");
        out.write("<div id=\"weft-osp-result\" class=\"" + (result.ok() ? "ok" : "error") + "\">\n<p>"
                + (result.ok() ? "" : "Refused: ") + Html.escape(result.message()) + "</p>\n");
        if (result.created() != null) {
            AccessKey k = result.created().key();
            out.write("<div id=\"weft-osp-secret\">\n<table>\n<tr><th>AccessKey</th><td><code>"
                    + Html.escape(k.accessKeyId()) + "</code></td></tr>\n<tr><th>SecretKey</th><td><code>"
                    + Html.escape(result.created().secretKey()) + "</code></td></tr>\n<tr><th>Instance</th><td>"
                    + Html.escape(k.instanceId()) + "</td></tr>\n<tr><th>Permissions</th><td>"
                    + Html.escape(sorted(k.permissions())) + "</td></tr>\n</table>\n"
                    + "<p>The SecretKey is shown only now: copy it (<code>com.antcloud.mw.secret</code>) before leaving"
                    + " this page. It cannot be shown again.</p>\n</div>\n");
        }
        out.write("</div>\n<p><a href=\"" + Html.escape(pageUrl) + "\">Back to OSP</a></p>\n</body></html>\n");
    }

    private static void form(Writer out, String action, String title, String[][] fields) throws IOException {
        out.write("<form method=\"post\" data-action=\"" + action + "\">\n<h3>" + Html.escape(title) + "</h3>\n"
                + "<input type=\"hidden\" name=\"action\" value=\"" + action + "\">\n");
        for (String[] field : fields) {
            out.write("<label>" + Html.escape(field[1]) + " <input type=\"text\" name=\"" + field[0]
                    + "\" maxlength=\"512\"></label>\n");
        }
        out.write("<button type=\"submit\">" + Html.escape(title) + "</button>\n</form>\n");
    }

    private static String sorted(java.util.Set<String> values) {
        return String.join(",", values.stream().sorted().toList());
    }

    private static String trim(String value) {
        return value == null ? "" : value.strip();
    }

    private static String time(Instant at) {
        return at == null ? "" : at.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
