package io.weft.monitor.metrics;

import java.util.Collections;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.prometheus.client.Collector;
import io.prometheus.client.Predicate;

/**
 * Wraps a collector contributed by another bundle so that one that throws loses only its own metrics
 * for that scrape instead of failing the whole of {@code /metrics}.
 */
final class GuardedCollector extends Collector implements Collector.Describable {

    private static final Logger LOG = LoggerFactory.getLogger(GuardedCollector.class);

    private final Collector delegate;

    GuardedCollector(Collector delegate) {
        this.delegate = delegate;
    }

    @Override
    public List<MetricFamilySamples> collect() {
        try {
            return delegate.collect();
        } catch (RuntimeException e) {
            return failed(e);
        }
    }

    @Override
    public List<MetricFamilySamples> collect(Predicate<String> sampleNameFilter) {
        try {
            return delegate.collect(sampleNameFilter);
        } catch (RuntimeException e) {
            return failed(e);
        }
    }

    /**
     * The delegate's names, for the registry's clash check at registration. Not guarded: a collector that
     * cannot even name its metrics is refused there.
     */
    @Override
    public List<MetricFamilySamples> describe() {
        return delegate instanceof Describable d ? d.describe() : delegate.collect();
    }

    private List<MetricFamilySamples> failed(RuntimeException e) {
        LOG.warn("Metrics collector {} failed; its metrics are left out of this scrape",
                delegate.getClass().getName(), e);
        return Collections.emptyList();
    }
}
