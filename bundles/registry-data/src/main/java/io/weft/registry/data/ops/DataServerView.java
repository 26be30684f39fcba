package io.weft.registry.data.ops;

import io.weft.registry.data.monitor.DataCounts;

/** What the ops endpoints, the health check and the metrics read of a data server. Thread-safe, never blocks. */
public interface DataServerView {

    DataStatus status();

    DataCounts counts();
}
