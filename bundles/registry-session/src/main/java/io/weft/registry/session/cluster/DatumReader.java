package io.weft.registry.session.cluster;

import io.weft.registry.protocol.DatumVersions;
import io.weft.registry.protocol.DatumView;
import io.weft.registry.protocol.GetDatumRequest;
import io.weft.registry.protocol.GetDatumVersionsRequest;
import io.weft.registry.session.data.DataInfoId;
import io.weft.registry.session.data.Datum;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads datums from the leaders of their slots (decision record 0021): a whole datum ({@code GetDatumRequest}), or
 * the versions of many ({@code GetDatumVersionsRequest}). Calls wait at most the data request timeout. Thread-safe.
 */
public final class DatumReader {

    private static final Logger LOG = LoggerFactory.getLogger("registry.session");

    private final ClusterRpc rpc;
    private final Supplier<SlotRouting> routing;
    private final int timeoutMillis;
    private final String defaultZone;
    private final DataReachability reachability;

    /**
     * @param routing     the slot table in force, null before the first
     * @param defaultZone the zone of a publisher that names none
     */
    public DatumReader(ClusterRpc rpc, Supplier<SlotRouting> routing, int timeoutMillis, String defaultZone,
            DataReachability reachability) {
        this.rpc = rpc;
        this.routing = routing;
        this.timeoutMillis = timeoutMillis;
        this.defaultZone = defaultZone;
        this.reachability = reachability;
    }

    /** The datum as its slot leader holds it; empty when there is no leader or it did not answer with it. */
    public Optional<Datum> read(DataInfoId id) {
        SlotRouting table = routing.get();
        String leader = table == null ? null : table.leaderOf(id.toString());
        if (leader == null) {
            return Optional.empty();
        }
        GetDatumRequest request = new GetDatumRequest();
        request.setDataInfoId(id.toString());
        DatumView view;
        try {
            view = rpc.call(leader, request, DatumView.class, timeoutMillis);
        } catch (CallFailedException e) {
            reachability.failed(leader);
            LOG.warn("[cluster] reading {} from data server {} failed: {}", id, leader, e.getMessage());
            return Optional.empty();
        }
        reachability.answered(leader);
        if (!view.isSuccess()) {
            LOG.info("[cluster] data server {} did not give {}: {}", leader, id, view.getMessage());
            return Optional.empty();
        }
        return Optional.of(Messages.datum(id, view, defaultZone));
    }

    /**
     * The versions {@code leader} holds of {@code dataInfoIds}; the ones whose slot it does not lead are left out.
     *
     * @throws CallFailedException if it did not answer with them
     */
    public Map<String, Long> versions(String leader, List<String> dataInfoIds) throws CallFailedException {
        GetDatumVersionsRequest request = new GetDatumVersionsRequest();
        request.setDataInfoIds(dataInfoIds);
        DatumVersions reply;
        try {
            reply = rpc.call(leader, request, DatumVersions.class, timeoutMillis);
        } catch (CallFailedException e) {
            reachability.failed(leader);
            throw e;
        }
        reachability.answered(leader);
        if (!reply.isSuccess()) {
            throw new CallFailedException("data server " + leader + " gave no versions: " + reply.getMessage(), null);
        }
        return reply.getVersions();
    }
}
