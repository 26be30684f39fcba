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
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads datums from the leaders of their slots (decision record 0021): a whole datum ({@code GetDatumRequest}), or
 * the versions of many ({@code GetDatumVersionsRequest}). Calls are asynchronous and answered within the data
 * request timeout, so no thread waits on a data server: one that hangs costs its own datums' reads, nothing else.
 * Thread-safe.
 */
public final class DatumReader {

    private static final Logger LOG = LoggerFactory.getLogger("registry.session");

    private final AsyncCalls rpc;
    private final Supplier<SlotRouting> routing;
    private final int timeoutMillis;
    private final String defaultZone;
    private final DataReachability reachability;

    /**
     * @param routing     the slot table in force, null before the first
     * @param defaultZone the zone of a publisher that names none
     */
    public DatumReader(AsyncCalls rpc, Supplier<SlotRouting> routing, int timeoutMillis, String defaultZone,
            DataReachability reachability) {
        this.rpc = rpc;
        this.routing = routing;
        this.timeoutMillis = timeoutMillis;
        this.defaultZone = defaultZone;
        this.reachability = reachability;
    }

    /**
     * Reads the datum as its slot leader holds it. {@code done} gets it, or nothing when there is no leader or it did
     * not answer with it, on a transport thread (or this one when the call could not be sent): it must only hand on.
     */
    public void read(DataInfoId id, Consumer<Optional<Datum>> done) {
        SlotRouting table = routing.get();
        String leader = table == null ? null : table.leaderOf(id.toString());
        if (leader == null) {
            done.accept(Optional.empty());
            return;
        }
        GetDatumRequest request = new GetDatumRequest();
        request.setDataInfoId(id.toString());
        rpc.callAsync(leader, request, DatumView.class, timeoutMillis, (view, failure) -> {
            if (failure != null) {
                reachability.failed(leader);
                LOG.warn("[cluster] reading {} from data server {} failed: {}", id, leader, failure.getMessage());
                done.accept(Optional.empty());
                return;
            }
            reachability.answered(leader);
            if (!view.isSuccess()) {
                LOG.info("[cluster] data server {} did not give {}: {}", leader, id, view.getMessage());
                done.accept(Optional.empty());
                return;
            }
            done.accept(Optional.of(Messages.datum(id, view, defaultZone)));
        });
    }

    /**
     * Asks {@code leader} the versions it holds of {@code dataInfoIds}; the ones whose slot it does not lead are left
     * out. {@code done} gets them or the failure, as {@link #read} its answer.
     */
    public void versions(String leader, List<String> dataInfoIds,
            BiConsumer<Map<String, Long>, CallFailedException> done) {
        GetDatumVersionsRequest request = new GetDatumVersionsRequest();
        request.setDataInfoIds(dataInfoIds);
        rpc.callAsync(leader, request, DatumVersions.class, timeoutMillis, (reply, failure) -> {
            if (failure != null) {
                reachability.failed(leader);
                done.accept(null, failure);
                return;
            }
            reachability.answered(leader);
            if (!reply.isSuccess()) {
                done.accept(null, new CallFailedException("data server " + leader + " gave no versions: "
                        + reply.getMessage(), null));
                return;
            }
            done.accept(reply.getVersions(), null);
        });
    }
}
