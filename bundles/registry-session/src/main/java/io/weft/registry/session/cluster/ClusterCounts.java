package io.weft.registry.session.cluster;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * The session's failures towards the data servers, named as the seed's metrics (REG-28, REG-34, REG-36): behind
 * {@code registry_session_data_failures_total{event}}. Thread-safe.
 */
public final class ClusterCounts {

    /** What failed. */
    public enum Failure {
        /** A publish or unpublish not taken by the slot leader after its retries (REG-36). */
        PUB_NOTIFY_DATA_FAIL("session_pub_notifyDataFail"),
        /** A client-off not taken by a data server after its retries (REG-36). */
        CLIENT_OFF_NOTIFY_DATA_FAIL("session_ClientOff_notifyDataFail"),
        /** A lease renewal a data server did not take (REG-34). */
        RENEW_FAIL("sessionRenew_fail"),
        /** A subscriber answered an empty datum of version 0 because none could be read (REG-28). */
        SET_ZERO_BY_SUB_FAIL("session_setZeroBySubFail");

        private final String seedName;

        Failure(String seedName) {
            this.seedName = seedName;
        }

        /** The seed's name of the event, as its logs and alerts call it. */
        public String seedName() {
            return seedName;
        }
    }

    private final Map<Failure, LongAdder> counts = new EnumMap<>(Failure.class);

    public ClusterCounts() {
        for (Failure failure : Failure.values()) {
            counts.put(failure, new LongAdder());
        }
    }

    public void failed(Failure failure) {
        counts.get(failure).increment();
    }

    /** Every failure, each present. */
    public Map<Failure, Long> snapshot() {
        Map<Failure, Long> snapshot = new EnumMap<>(Failure.class);
        counts.forEach((failure, count) -> snapshot.put(failure, count.sum()));
        return snapshot;
    }
}
