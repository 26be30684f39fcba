package io.weft.console.registry;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.weft.console.registry.feed.ProviderAddress;
import io.weft.console.registry.feed.RegistryView;
import io.weft.console.registry.feed.Service;
import io.weft.console.registry.feed.SessionSnapshot;
import io.weft.console.registry.governance.GovernanceException;
import io.weft.console.registry.governance.ProviderRule;

/**
 * The registry page as the Web Console wraps it (GET): the services by dataInfoId with search and paging
 * (CON-4), or one service with its publishers (address, weight, enabled or disabled, with the governance
 * forms, CON-5) and subscribers. Free of servlet types so it is tested with a plain writer.
 */
final class RegistryPage {

    static final int PAGE_SIZE = 50;

    /** The rules of a service from the console DB, by instanceId and dataId. */
    @FunctionalInterface
    interface Rules {
        List<ProviderRule> of(String instanceId, String dataId) throws GovernanceException;
    }

    private static final String STYLE = "<style>\n"
            + "#weft-registry h2 { font-size: 1.2em; font-weight: bold; margin: 1em 0 .4em; }\n"
            + "#weft-registry form { margin: .4em 0; display: inline; }\n"
            + "#weft-registry tr.disabled td { color: #888; }\n"
            + "#weft-registry .error { color: #b00020; }\n"
            + "#weft-registry .message { color: #1b5e20; }\n"
            + "</style>\n";

    private final String base;

    /** @param base the page's own path, e.g. {@code /system/console/weft-registry} */
    RegistryPage(String base) {
        this.base = base;
    }

    void render(RegistryView view, Rules rules, Function<String, String> param, Writer out) throws IOException {
        out.write(STYLE + "<div id=\"weft-registry\">\n");
        String message = param.apply("msg");
        if (message != null && !message.isBlank()) {
            out.write("<p id=\"registry-message\" class=\"message\">" + Html.escape(message) + "</p>\n");
        }
        for (Map.Entry<String, String> e : view.errors().entrySet()) {
            out.write("<p class=\"error feed-error\">Feed of " + Html.escape(e.getKey()) + " not read: "
                    + Html.escape(e.getValue()) + "</p>\n");
        }
        String id = param.apply("service");
        if (id != null && !id.isBlank()) {
            Optional<Service> service = view.service(id);
            if (service.isPresent()) {
                detail(service.get(), rules, out);
            } else {
                out.write("<p id=\"service-missing\" class=\"error\">No session holds " + Html.escape(id)
                        + " now.</p><p><a href=\"" + Html.escape(base) + "\">All services</a></p>\n");
            }
        } else {
            list(view, param.apply("q"), pageNumber(param.apply("page")), out);
        }
        out.write("</div>\n");
    }

    private void list(RegistryView view, String search, int page, Writer out) throws IOException {
        String q = search == null ? "" : search.strip();
        RegistryView.Page result = view.page(q, (page - 1) * PAGE_SIZE, PAGE_SIZE);
        out.write("<h2>Services</h2>\n<form id=\"registry-search\" method=\"get\" action=\"" + Html.escape(base)
                + "\"><input type=\"search\" name=\"q\" placeholder=\"dataInfoId contains\" size=\"50\" value=\""
                + Html.escape(q) + "\"> <button type=\"submit\">Search</button></form>\n");
        out.write("<p id=\"services-count\">" + result.total() + " services"
                + (result.total() == 0 ? "" : ", " + (result.offset() + 1) + "–"
                        + (result.offset() + result.services().size()))
                + " shown; from " + view.sessions().size() + " sessions" + (view.takenAt() == null ? ""
                        : ", read " + view.takenAt()) + "</p>\n");
        out.write("<table id=\"services\" class=\"tablesorter nicetable\"><thead><tr><th>dataInfoId</th>"
                + "<th>Publishers</th><th>Subscribers</th></tr></thead><tbody>\n");
        for (Service s : result.services()) {
            out.write("<tr data-id=\"" + Html.escape(s.dataInfoId()) + "\"><td><a href=\"" + Html.escape(base
                    + "?service=" + Html.url(s.dataInfoId())) + "\">" + Html.escape(s.dataInfoId()) + "</a></td><td>"
                    + s.publishers().size() + "</td><td>" + s.subscribers().size() + "</td></tr>\n");
        }
        out.write("</tbody></table>\n<p>");
        String query = base + "?q=" + Html.url(q) + "&page=";
        if (page > 1) {
            out.write("<a id=\"page-prev\" href=\"" + Html.escape(query + (page - 1)) + "\">Previous</a> ");
        }
        if (result.offset() + result.services().size() < result.total()) {
            out.write("<a id=\"page-next\" href=\"" + Html.escape(query + (page + 1)) + "\">Next</a>");
        }
        out.write("</p>\n");
    }

    private void detail(Service s, Rules rules, Writer out) throws IOException {
        Map<String, ProviderRule> byAddress;
        try {
            byAddress = rules.of(s.instanceId(), s.dataId()).stream()
                    .collect(Collectors.toMap(ProviderRule::hostPort, r -> r, (a, b) -> a));
        } catch (GovernanceException e) {
            byAddress = Map.of();
            out.write("<p id=\"rules-error\" class=\"error\">" + Html.escape(e.getMessage()) + "</p>\n");
        }
        out.write("<p><a href=\"" + Html.escape(base) + "\">All services</a></p>\n");
        out.write("<h2 id=\"registry-service\" data-id=\"" + Html.escape(s.dataInfoId()) + "\">"
                + Html.escape(s.dataInfoId()) + "</h2>\n");
        out.write("<h2>Publishers</h2>\n<table id=\"publishers\" class=\"nicetable\"><thead><tr><th>Address</th>"
                + "<th>Client</th><th>App</th><th>Zone</th><th>Weight</th><th>State</th><th>Governance</th></tr>"
                + "</thead><tbody>\n");
        for (SessionSnapshot.Publisher p : s.publishers()) {
            for (String value : p.data().isEmpty() ? List.of("") : p.data()) {
                publisherRow(s, p, value, byAddress, out);
            }
        }
        out.write("</tbody></table>\n<h2>Subscribers</h2>\n<table id=\"subscribers\" class=\"nicetable\"><thead><tr>"
                + "<th>Client</th><th>App</th><th>Scope</th></tr></thead><tbody>\n");
        for (SessionSnapshot.Subscriber sub : s.subscribers()) {
            out.write("<tr data-client=\"" + Html.escape(sub.client()) + "\"><td>" + Html.escape(sub.client())
                    + "</td><td>" + Html.escape(sub.appName()) + "</td><td>" + Html.escape(sub.scope())
                    + "</td></tr>\n");
        }
        out.write("</tbody></table>\n");
    }

    private void publisherRow(Service s, SessionSnapshot.Publisher p, String value,
            Map<String, ProviderRule> rules, Writer out) throws IOException {
        Optional<ProviderAddress> address = ProviderAddress.of(value);
        if (address.isEmpty()) {
            out.write("<tr><td>" + Html.escape(value) + "</td><td>" + Html.escape(p.client()) + "</td><td>"
                    + Html.escape(p.appName()) + "</td><td>" + Html.escape(p.zone())
                    + "</td><td></td><td>no provider address</td><td></td></tr>\n");
            return;
        }
        String hostPort = address.get().hostPort();
        ProviderRule rule = rules.get(hostPort);
        boolean disabled = rule != null && rule.disabled();
        OptionalInt published = address.get().weight();
        String weight = rule != null && rule.weight() != null ? rule.weight() + " (set)"
                : published.isPresent() ? published.getAsInt() + " (published)" : "default";
        out.write("<tr class=\"" + (disabled ? "disabled" : "enabled") + "\" data-address=\"" + Html.escape(hostPort)
                + "\"><td title=\"" + Html.escape(value) + "\">" + Html.escape(hostPort) + "</td><td>"
                + Html.escape(p.client()) + "</td><td>" + Html.escape(p.appName()) + "</td><td>"
                + Html.escape(p.zone()) + "</td><td class=\"weight\">" + Html.escape(weight)
                + "</td><td class=\"state\">" + (disabled ? "disabled" : "enabled") + "</td><td>");
        String hidden = "<input type=\"hidden\" name=\"service\" value=\"" + Html.escape(s.dataInfoId()) + "\">"
                + "<input type=\"hidden\" name=\"address\" value=\"" + Html.escape(hostPort) + "\">";
        out.write("<form class=\"toggle-form\" method=\"post\" action=\"" + Html.escape(base) + "\">" + hidden
                + "<input type=\"hidden\" name=\"action\" value=\"" + (disabled ? "enable" : "disable") + "\">"
                + "<button type=\"submit\">" + (disabled ? "Enable" : "Disable") + "</button></form> ");
        out.write("<form class=\"weight-form\" method=\"post\" action=\"" + Html.escape(base) + "\">" + hidden
                + "<input type=\"hidden\" name=\"action\" value=\"weight\"><input type=\"number\" name=\"weight\""
                + " min=\"0\" size=\"5\" placeholder=\"weight\"> <button type=\"submit\">Set weight</button></form>");
        out.write("</td></tr>\n");
    }

    private static int pageNumber(String page) {
        try {
            return Math.max(1, Integer.parseInt(page == null ? "1" : page.strip()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
