package io.weft.registry.data.store;

import io.weft.registry.protocol.DatumView;
import io.weft.registry.protocol.PublisherEntry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One datum as this data server holds it: its key, its version and its publishers by registration id. Immutable;
 * a change makes a new one. The {@link PublisherEntry} objects are never modified once stored.
 */
public final class Datum {

    private final String dataInfoId;
    private final long version;
    private final Map<String, PublisherEntry> publishers;

    Datum(String dataInfoId, long version, Map<String, PublisherEntry> publishers) {
        this.dataInfoId = dataInfoId;
        this.version = version;
        this.publishers = Collections.unmodifiableMap(new LinkedHashMap<>(publishers));
    }

    /** The datum nobody published yet: version 0 (decision record 0021). */
    static Datum empty(String dataInfoId) {
        return new Datum(dataInfoId, 0, Map.of());
    }

    public String dataInfoId() {
        return dataInfoId;
    }

    public long version() {
        return version;
    }

    /** By registration id, in the order they were first published. */
    public Map<String, PublisherEntry> publishers() {
        return publishers;
    }

    public int publisherCount() {
        return publishers.size();
    }

    /** The wire form, {@code success=true}. */
    public DatumView toView() {
        DatumView view = new DatumView();
        view.setSuccess(true);
        view.setDataInfoId(dataInfoId);
        view.setVersion(version);
        view.setPublishers(new ArrayList<>(publishers.values()));
        return view;
    }

    /** The publishers in registration order, as a new list. */
    public List<PublisherEntry> publisherList() {
        return new ArrayList<>(publishers.values());
    }

    @Override
    public String toString() {
        return "Datum{" + dataInfoId + " v" + version + ", " + publishers.size() + " publishers}";
    }
}
