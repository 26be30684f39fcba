package io.weft.monitor;

import java.nio.file.Path;
import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.weft.api.monitor.Alert;
import io.weft.api.monitor.AlertRule;
import io.weft.api.monitor.NodeMonitor;
import io.weft.api.monitor.SystemSnapshot;
import io.weft.monitor.alert.AlertRules;
import io.weft.monitor.alert.AlertTracker;
import io.weft.monitor.alert.EvaluationSchedule;
import io.weft.monitor.system.CpuSampler;
import io.weft.monitor.system.SystemProbe;

/**
 * The node monitor: measures on demand and evaluates the alert rules on a schedule.
 *
 * <p>Immediate, because alerts must be evaluated whether or not anyone uses the service. A configuration
 * change is applied by {@link #modified} without deactivation, so firing alerts and their history survive
 * it.
 */
@Component(
        service = NodeMonitor.class,
        immediate = true,
        configurationPid = NodeMonitorService.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = MonitorConfig.class)
public final class NodeMonitorService implements NodeMonitor {

    static final String PID = "io.weft.monitor";
    /** Framework property naming the node's home folder. */
    static final String HOME_PROPERTY = "weft.home";
    static final String THREAD_NAME = "weft-monitor-alerts";

    private static final Logger LOG = LoggerFactory.getLogger(NodeMonitorService.class);

    private final AlertTracker tracker = new AlertTracker();
    // Set in activate (before the schedule starts), read by the schedule's thread and service callers.
    private volatile SystemProbe probe;
    /** Only used on the evaluation thread (and in activate, before that thread starts). */
    private CpuSampler cpu;
    private volatile AlertRules rules;
    private volatile EvaluationSchedule schedule;

    @Activate
    void activate(BundleContext context, MonitorConfig config) {
        Path home = nodeHome(context);
        probe = new SystemProbe(home);
        cpu = new CpuSampler();
        rules = rulesOf(config);
        schedule = new EvaluationSchedule(this::evaluate, THREAD_NAME);
        schedule.schedule(intervalOf(config));
        LOG.info("Node monitor started: home={}, rules={}, interval={}s", home, rules.rules(),
                intervalOf(config));
    }

    /** New thresholds apply at once (a lowered one fires straight away); a new interval reschedules. */
    @Modified
    void modified(MonitorConfig config) {
        rules = rulesOf(config);
        schedule.schedule(intervalOf(config));
        LOG.info("Node monitor reconfigured: rules={}, interval={}s", rules.rules(), intervalOf(config));
    }

    @Deactivate
    void deactivate() {
        schedule.close();
    }

    @Override
    public SystemSnapshot measure() {
        return probe.measure();
    }

    @Override
    public List<AlertRule> rules() {
        return rules.rules();
    }

    @Override
    public List<Alert> activeAlerts() {
        return tracker.active();
    }

    @Override
    public List<Alert> recentAlerts() {
        return tracker.history();
    }

    /** CPU is judged over the whole time since the previous evaluation (see {@link CpuSampler}). */
    private void evaluate() {
        SystemSnapshot s = probe.measure();
        SystemSnapshot snapshot = new SystemSnapshot(s.takenAt(), cpu.sample(), s.processCpuPercent(),
                s.memoryPercent(), s.diskPercent(), s.load5(), s.heapUsedBytes(), s.heapMaxBytes(), s.rssBytes(),
                s.openFileDescriptors());
        tracker.update(rules.evaluate(snapshot), snapshot.takenAt());
    }

    private static AlertRules rulesOf(MonitorConfig c) {
        return new AlertRules(c.cpuUsageThreshold(), c.memUsageThreshold(), c.diskUsageThreshold(),
                c.load5Threshold());
    }

    private static long intervalOf(MonitorConfig c) {
        long seconds = c.evaluationIntervalSeconds();
        if (seconds < 1) {
            LOG.warn("evaluationIntervalSeconds={} is not positive, using 1", seconds);
            return 1;
        }
        return seconds;
    }

    /** The launcher sets {@code weft.home}; run from elsewhere (tests, an IDE) the working directory. */
    private static Path nodeHome(BundleContext context) {
        String home = context.getProperty(HOME_PROPERTY);
        return Path.of(home != null && !home.isBlank() ? home : System.getProperty("user.dir"));
    }
}
