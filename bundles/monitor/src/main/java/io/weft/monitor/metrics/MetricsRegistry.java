package io.weft.monitor.metrics;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.prometheus.client.Collector;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.exporter.common.TextFormat;
import io.prometheus.client.hotspot.ClassLoadingExports;
import io.prometheus.client.hotspot.GarbageCollectorExports;
import io.prometheus.client.hotspot.MemoryPoolsExports;
import io.prometheus.client.hotspot.StandardExports;
import io.prometheus.client.hotspot.ThreadExports;

/**
 * The metrics of one {@code /metrics} endpoint: the JVM's (hotspot exports), the node's own and those
 * contributed by other bundles.
 *
 * <p>Owns its {@link CollectorRegistry}. The library's {@code defaultRegistry} is a JVM-wide static that
 * would outlive this bundle and keep its collectors (and class loader) after an update, and would clash
 * when the bundle is started again; {@code DefaultExports.initialize()} registers into it, so neither is
 * used.
 */
public final class MetricsRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(MetricsRegistry.class);

    private final CollectorRegistry registry = new CollectorRegistry(true);
    /** Contributed collector to its guarded registration, by identity. */
    private final Map<Collector, GuardedCollector> contributed =
            Collections.synchronizedMap(new IdentityHashMap<>());

    /** @param own the node's collector, registered beside the hotspot exports */
    public MetricsRegistry(Collector own) {
        registry.register(new StandardExports());
        registry.register(new MemoryPoolsExports());
        registry.register(new GarbageCollectorExports());
        registry.register(new ThreadExports());
        registry.register(new ClassLoadingExports());
        registry.register(own);
    }

    /**
     * Adds another bundle's collector; one whose metric names clash with those present is refused.
     * SCR never binds and unbinds the same service at once, so no lock is held while the registry asks
     * the collector (another bundle's code) for its names.
     */
    public void addContributed(Collector collector) {
        if (contributed.containsKey(collector)) {
            return;
        }
        GuardedCollector guarded = new GuardedCollector(collector);
        try {
            registry.register(guarded);
            contributed.put(collector, guarded);
        } catch (RuntimeException e) {
            LOG.warn("Metrics collector {} not added: {}", collector.getClass().getName(), e.toString());
        }
    }

    /** Removes a collector added with {@link #addContributed}; any other is ignored. */
    public void removeContributed(Collector collector) {
        GuardedCollector guarded = contributed.remove(collector);
        if (guarded != null) {
            registry.unregister(guarded);
        }
    }

    /** All metrics in the Prometheus text format 0.0.4 ({@link TextFormat#CONTENT_TYPE_004}). */
    public String scrape() {
        StringWriter out = new StringWriter(16 * 1024);
        try {
            TextFormat.write004(out, registry.metricFamilySamples());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not throw
        }
        return out.toString();
    }
}
