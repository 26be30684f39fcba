package io.weft.registry.session.cluster;

import io.weft.codec.bolt.guard.LogThrottle;
import io.weft.registry.protocol.DataReply;
import io.weft.registry.protocol.SessionLeaseRenew;
import io.weft.registry.session.cluster.ClusterCounts.Failure;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renews this session process's lease on every data server (REG-34, decision record 0021): a
 * {@link SessionLeaseRenew} with the number of held publications whose slot that server leads, so the server can
 * compare it with what it holds. A data server not renewed for its lease time drops every publisher of this
 * process (REG-35). A renewal not taken is counted ({@code sessionRenew_fail}). The first renewal also opens the
 * connection on which the data server sends its change notices. Calls are asynchronous. Thread-safe.
 *
 * <p>When a data server answers, two renewals in a row, that it holds fewer of this process's publishers than this
 * session holds in the slots it leads, those publications are sent to it again ({@code republish}): it lost them
 * (say, it evicted this process after a renewal came late on a busy machine) and nothing else would bring them
 * back while this session lives. One short answer alone is not enough: publications still on their way make it.
 * If the shortfall outlasts the publishing again (a data server that keeps refusing some), the number of short
 * answers in a row needed before the next time doubles, up to {@value #MOST_SHORT_ANSWERS}, so a lasting
 * disagreement costs a resend now and then, not one every other renewal.
 */
public final class LeaseRenewer {

    private static final Logger LOG = LoggerFactory.getLogger("registry.session");

    private final Supplier<Collection<String>> dataServers;
    private final Supplier<SlotRouting> routing;
    private final HeldPublications held;
    private final AsyncCalls rpc;
    private final int timeoutMillis;
    private final ClusterCounts counts;
    private final DataReachability reachability;
    private final Supplier<String> sessionAddress;
    private final String processId;
    private final LogThrottle errors;
    private final Consumer<String> republish;
    private static final int FEWEST_SHORT_ANSWERS = 2;
    private static final int MOST_SHORT_ANSWERS = 64;

    /** Per data server, its short answers in a row; absent when its last answer agreed. */
    private final Map<String, Integer> shortAnswers = new ConcurrentHashMap<>();
    /** Per data server, how many short answers in a row the next resend takes; absent: the fewest. */
    private final Map<String, Integer> shortAnswersNeeded = new ConcurrentHashMap<>();

    /**
     * @param republish sends every held publication whose slot the named data server leads to it again
     */
    public LeaseRenewer(Supplier<Collection<String>> dataServers, Supplier<SlotRouting> routing,
            HeldPublications held, AsyncCalls rpc, int timeoutMillis, ClusterCounts counts,
            DataReachability reachability, Supplier<String> sessionAddress, String processId, LogThrottle errors,
            Consumer<String> republish) {
        this.dataServers = dataServers;
        this.routing = routing;
        this.held = held;
        this.rpc = rpc;
        this.timeoutMillis = timeoutMillis;
        this.counts = counts;
        this.reachability = reachability;
        this.sessionAddress = sessionAddress;
        this.processId = processId;
        this.errors = errors;
        this.republish = republish;
    }

    /** One renewal of every data server. */
    public void renew() {
        SlotRouting table = routing.get();
        Map<String, Integer> publishers = table == null ? Map.of() : held.countsByLeader(table);
        String address = sessionAddress.get();
        for (String server : dataServers.get()) {
            SessionLeaseRenew renew = new SessionLeaseRenew();
            renew.setSessionAddress(address);
            renew.setSessionProcessId(processId);
            int reported = publishers.getOrDefault(server, 0);
            renew.setPublisherCount(reported);
            renew.setNoticeBatches(true); // ClusterRpc reads DatumChangedBatch (decision record 0027)
            rpc.callAsync(server, renew, DataReply.class, timeoutMillis, (reply, failure) -> {
                if (failure == null && reply.isSuccess()) {
                    reachability.answered(server);
                    compare(server, reported, reply.getHeldPublishers());
                    if (reply.getMessage() != null) {
                        LOG.debug("[cluster] lease renewed on data server {}: {}", server, reply.getMessage());
                    }
                    return;
                }
                if (failure != null) {
                    reachability.failed(server);
                }
                counts.failed(Failure.RENEW_FAIL);
                errors.error("renew:" + server, "[cluster] {}: lease renewal on data server {} not taken: {}",
                        Failure.RENEW_FAIL.seedName(), server,
                        failure != null ? failure.getMessage() : reply.getMessage());
            });
        }
    }

    /** @param held what the data server holds of this process in the slots it leads, -1 when it did not say */
    private void compare(String server, int reported, int held) {
        if (held < 0 || held >= reported) {
            shortAnswers.remove(server);
            shortAnswersNeeded.remove(server);
            return;
        }
        int inARow = shortAnswers.merge(server, 1, Integer::sum);
        int needed = shortAnswersNeeded.getOrDefault(server, FEWEST_SHORT_ANSWERS);
        if (inARow >= needed) {
            shortAnswers.remove(server);
            shortAnswersNeeded.put(server, Math.min(needed * 2, MOST_SHORT_ANSWERS));
            LOG.warn("[cluster] data server {} holds {} of the {} publishers of this session in the slots it leads,"
                    + " {} renewals in a row: publishing them to it again", server, held, reported, inARow);
            republish.accept(server);
        }
    }
}
