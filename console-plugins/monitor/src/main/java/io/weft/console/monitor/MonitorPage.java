package io.weft.console.monitor;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.weft.api.monitor.Alert;
import io.weft.api.monitor.AlertRule;
import io.weft.api.monitor.NodeMonitor;
import io.weft.api.monitor.SystemSnapshot;

/**
 * Renders the monitor page as an HTML fragment: the Web Console supplies the document, header,
 * navigation and styles around it. Free of servlet types so it is tested with a plain writer.
 *
 * <p>Three blocks with stable ids for browser tests: {@code weft-monitor-snapshot} (each measurement
 * beside its rule and threshold), {@code weft-monitor-active} (firing alerts, or "No alerts firing") and
 * {@code weft-monitor-history} (recent transitions, newest first). Rows of the snapshot table carry
 * {@code data-rule} with the rule's name. Every text printed is escaped.
 */
final class MonitorPage {

    /** Render the page from a single reading of the monitor. */
    void render(NodeMonitor monitor, Writer out) throws IOException {
        SystemSnapshot s = monitor.measure();
        Map<String, AlertRule> rules = new HashMap<>();
        for (AlertRule rule : monitor.rules()) {
            rules.put(rule.name(), rule);
        }
        List<Alert> active = monitor.activeAlerts();
        Set<String> firing = new HashSet<>();
        for (Alert alert : active) {
            firing.add(alert.rule());
        }

        out.write("<div id=\"weft-monitor-snapshot\">\n<h2>Node</h2>\n");
        out.write("<p>Measured at " + Html.escape(time(s.takenAt())) + "</p>\n");
        out.write("<table class=\"nicetable\">\n<thead><tr><th>Measurement</th><th>Value</th><th>Rule</th>"
                + "<th>Threshold</th><th>State</th></tr></thead>\n<tbody>\n");
        measurement(out, "Host CPU", percent(s.systemCpuPercent()), rules.get("cpu_usage"), firing);
        measurement(out, "Process CPU", percent(s.processCpuPercent()), null, firing);
        measurement(out, "Host memory", percent(s.memoryPercent()), rules.get("mem_usage"), firing);
        measurement(out, "Disk (home)", percent(s.diskPercent()), rules.get("disk_usage"), firing);
        measurement(out, "Load average (5 min)", number(s.load5()), rules.get("load5"), firing);
        measurement(out, "Heap used / max", bytes(s.heapUsedBytes()) + " / " + bytes(s.heapMaxBytes()), null,
                firing);
        measurement(out, "Resident memory (RSS)", bytes(s.rssBytes()), null, firing);
        measurement(out, "Open file descriptors", count(s.openFileDescriptors()), null, firing);
        out.write("</tbody>\n</table>\n</div>\n");

        out.write("<div id=\"weft-monitor-active\">\n<h2>Active alerts</h2>\n");
        if (active.isEmpty()) {
            out.write("<p>No alerts firing</p>\n");
        } else {
            alertTable(out, active, "Firing since", rules, false);
        }
        out.write("</div>\n");

        List<Alert> recent = monitor.recentAlerts();
        out.write("<div id=\"weft-monitor-history\">\n<h2>Recent alert transitions</h2>\n");
        if (recent.isEmpty()) {
            out.write("<p>No alert transitions yet</p>\n");
        } else {
            alertTable(out, recent, "At", rules, true);
        }
        out.write("</div>\n");
    }

    private static void measurement(Writer out, String label, String value, AlertRule rule, Set<String> firing)
            throws IOException {
        if (rule == null) {
            out.write("<tr><td>" + Html.escape(label) + "</td><td>" + Html.escape(value)
                    + "</td><td></td><td></td><td></td></tr>\n");
            return;
        }
        boolean isFiring = firing.contains(rule.name());
        out.write("<tr data-rule=\"" + Html.escape(rule.name()) + "\"><td>" + Html.escape(label) + "</td><td>"
                + Html.escape(value) + "</td><td>" + Html.escape(rule.name()) + "</td><td>"
                + Html.escape("> " + threshold(rule)) + "</td><td>" + (isFiring ? "<strong>FIRING</strong>" : "ok")
                + "</td></tr>\n");
    }

    private static void alertTable(Writer out, List<Alert> alerts, String timeHeading, Map<String, AlertRule> rules,
            boolean withState) throws IOException {
        out.write("<table class=\"nicetable\">\n<thead><tr>");
        if (withState) {
            out.write("<th>State</th>");
        }
        out.write("<th>Rule</th><th>Value</th><th>Threshold</th><th>" + Html.escape(timeHeading)
                + "</th></tr></thead>\n<tbody>\n");
        for (Alert alert : alerts) {
            AlertRule rule = rules.get(alert.rule());
            String unit = rule != null ? rule.unit() : "";
            out.write("<tr>");
            if (withState) {
                out.write("<td>" + Html.escape(alert.state().name()) + "</td>");
            }
            out.write("<td>" + Html.escape(alert.rule()) + "</td><td>" + Html.escape(withUnit(alert.value(), unit))
                    + "</td><td>" + Html.escape("> " + withUnit(alert.threshold(), unit)) + "</td><td>"
                    + Html.escape(time(alert.at())) + "</td></tr>\n");
        }
        out.write("</tbody>\n</table>\n");
    }

    private static String threshold(AlertRule rule) {
        return withUnit(rule.threshold(), rule.unit());
    }

    private static String withUnit(double value, String unit) {
        return "%".equals(unit) ? percent(value) : number(value);
    }

    private static String percent(double value) {
        return value < 0 ? "n/a" : String.format(Locale.ROOT, "%.1f %%", value);
    }

    private static String number(double value) {
        return value < 0 ? "n/a" : String.format(Locale.ROOT, "%.2f", value);
    }

    private static String count(long value) {
        return value < 0 ? "n/a" : Long.toString(value);
    }

    /** Binary units, as the JVM and the kernel count memory. */
    static String bytes(long value) {
        if (value < 0) {
            return "n/a";
        }
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
        double v = value;
        int unit = 0;
        while (v >= 1024 && unit < units.length - 1) {
            v /= 1024;
            unit++;
        }
        return unit == 0 ? value + " B" : String.format(Locale.ROOT, "%.1f %s", v, units[unit]);
    }

    /** UTC, to the second: the same clock the alert log is read against. */
    private static String time(Instant at) {
        return at == null ? "" : at.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
