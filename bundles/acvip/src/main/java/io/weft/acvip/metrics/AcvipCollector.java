package io.weft.acvip.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

import io.prometheus.client.Collector;
import io.prometheus.client.GaugeMetricFamily;
import io.weft.acvip.book.AddressState;

/**
 * {@code acvip_domains}, {@code acvip_addresses{state="up|failing|down"}} and
 * {@code acvip_polls_waiting}, read fresh at each scrape.
 */
public final class AcvipCollector extends Collector implements Collector.Describable {

    static final String DOMAINS = "acvip_domains";
    static final String ADDRESSES = "acvip_addresses";
    static final String POLLS_WAITING = "acvip_polls_waiting";

    private final IntSupplier domains;
    private final Supplier<Map<AddressState, Integer>> addresses;
    private final IntSupplier pollsWaiting;

    public AcvipCollector(IntSupplier domains, Supplier<Map<AddressState, Integer>> addresses,
            IntSupplier pollsWaiting) {
        this.domains = domains;
        this.addresses = addresses;
        this.pollsWaiting = pollsWaiting;
    }

    @Override
    public List<MetricFamilySamples> collect() {
        List<MetricFamilySamples> families = new ArrayList<>();
        families.add(new GaugeMetricFamily(DOMAINS, "ACVIP domains: instances times products.",
                domains.getAsInt()));
        GaugeMetricFamily byState = new GaugeMetricFamily(ADDRESSES,
                "Registered addresses by health; down ones are not listed.", List.of("state"));
        addresses.get().forEach((state, count) -> byState.addMetric(
                List.of(state.name().toLowerCase(Locale.ROOT)), count));
        families.add(byState);
        families.add(new GaugeMetricFamily(POLLS_WAITING, "Lookups waiting for a change (long polls).",
                pollsWaiting.getAsInt()));
        return families;
    }

    /** Names only, so registering the collector computes nothing. */
    @Override
    public List<MetricFamilySamples> describe() {
        return List.of(new GaugeMetricFamily(DOMAINS, "", List.of()),
                new GaugeMetricFamily(ADDRESSES, "", List.of("state")),
                new GaugeMetricFamily(POLLS_WAITING, "", List.of()));
    }
}
