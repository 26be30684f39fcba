package io.weft.console.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.weft.api.monitor.Alert;
import io.weft.api.monitor.Alert.State;
import io.weft.api.monitor.AlertRule;
import io.weft.api.monitor.NodeMonitor;
import io.weft.api.monitor.SystemSnapshot;

class MonitorPageTest {

    private static final Instant AT = Instant.parse("2026-11-22T10:15:30.123Z");

    private final FakeMonitor monitor = new FakeMonitor();

    @Test
    @DisplayName("OPS-18/OPS-19: the page shows each measurement beside its rule's threshold")
    void snapshotBesideThresholds() throws IOException {
        String html = render();

        assertTrue(html.contains("<div id=\"weft-monitor-snapshot\">"), html);
        assertTrue(html.contains("<tr data-rule=\"cpu_usage\"><td>Host CPU</td><td>91.5 %</td><td>cpu_usage</td>"
                + "<td>&gt; 80.0 %</td><td><strong>FIRING</strong></td></tr>"), html);
        assertTrue(html.contains("<tr data-rule=\"mem_usage\"><td>Host memory</td><td>63.3 %</td><td>mem_usage</td>"
                + "<td>&gt; 80.0 %</td><td>ok</td></tr>"), html);
        assertTrue(html.contains("<td>Disk (home)</td><td>42.0 %</td><td>disk_usage</td><td>&gt; 80.0 %</td>"), html);
        assertTrue(html.contains("<td>Load average (5 min)</td><td>1.75</td><td>load5</td><td>&gt; 3.00</td>"), html);
        assertTrue(html.contains("<td>Heap used / max</td><td>256.0 MiB / 1.0 GiB</td>"), html);
        assertTrue(html.contains("<td>Resident memory (RSS)</td><td>n/a</td>"), html);
        assertTrue(html.contains("<td>Open file descriptors</td><td>123</td>"), html);
        assertTrue(html.contains("Measured at 2026-11-22T10:15:30Z"), html);
    }

    @Test
    @DisplayName("OPS-18/OPS-19: the page lists firing alerts and recent transitions, newest first")
    void activeAndHistory() throws IOException {
        monitor.recent.add(new Alert("cpu_usage", State.FIRING, 91.5, 80, AT));
        monitor.recent.add(new Alert("load5", State.RESOLVED, 2.5, 3, AT.minusSeconds(60)));

        String html = render();

        String active = section(html, "weft-monitor-active");
        assertTrue(active.contains("<td>cpu_usage</td><td>91.5 %</td><td>&gt; 80.0 %</td>"
                + "<td>2026-11-22T10:15:30Z</td>"), active);
        assertFalse(active.contains("No alerts firing"));
        String history = section(html, "weft-monitor-history");
        assertTrue(history.indexOf("<td>FIRING</td><td>cpu_usage</td>")
                < history.indexOf("<td>RESOLVED</td><td>load5</td><td>2.50</td><td>&gt; 3.00</td>"), history);
    }

    @Test
    @DisplayName("OPS-18/OPS-19: with nothing firing the page says so")
    void noAlerts() throws IOException {
        monitor.active.clear();

        String html = render();

        assertTrue(section(html, "weft-monitor-active").contains("<p>No alerts firing</p>"), html);
        assertTrue(section(html, "weft-monitor-history").contains("<p>No alert transitions yet</p>"), html);
        assertFalse(html.contains("FIRING"), html);
    }

    @Test
    @DisplayName("Console: text from the monitor is escaped, never written as markup")
    void escapesText() throws IOException {
        monitor.active.clear();
        monitor.active.add(new Alert("<script>alert('x')</script>", State.FIRING, 1, 0, AT));

        String html = render();

        assertFalse(html.contains("<script>"), html);
        assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"), html);
    }

    @Test
    @DisplayName("Console: the page is a fragment; the Web Console adds the document around it")
    void fragmentOnly() throws IOException {
        String html = render();

        assertFalse(html.contains("<html"));
        assertFalse(html.contains("<body"));
    }

    @Test
    @DisplayName("Console: byte figures use binary units")
    void bytes() {
        assertEquals("512 B", MonitorPage.bytes(512));
        assertEquals("1.5 KiB", MonitorPage.bytes(1536));
        assertEquals("n/a", MonitorPage.bytes(-1));
    }

    private String render() throws IOException {
        StringWriter out = new StringWriter();
        new MonitorPage().render(monitor, out);
        return out.toString();
    }

    private static String section(String html, String id) {
        int start = html.indexOf("<div id=\"" + id + "\">");
        return html.substring(start, html.indexOf("</div>", start));
    }

    private static final class FakeMonitor implements NodeMonitor {
        final List<Alert> active = new ArrayList<>(List.of(new Alert("cpu_usage", State.FIRING, 91.5, 80, AT)));
        final List<Alert> recent = new ArrayList<>();

        @Override
        public SystemSnapshot measure() {
            return new SystemSnapshot(AT, 91.5, 12.0, 63.25, 42.0, 1.75, 256L << 20, 1L << 30, -1, 123);
        }

        @Override
        public List<AlertRule> rules() {
            return List.of(new AlertRule("cpu_usage", 80, "%"), new AlertRule("mem_usage", 80, "%"),
                    new AlertRule("disk_usage", 80, "%"), new AlertRule("load5", 3, ""));
        }

        @Override
        public List<Alert> activeAlerts() {
            return active;
        }

        @Override
        public List<Alert> recentAlerts() {
            return recent;
        }
    }
}
