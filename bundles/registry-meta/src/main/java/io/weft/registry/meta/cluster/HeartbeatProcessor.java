package io.weft.registry.meta.cluster;

import java.time.Clock;
import java.util.concurrent.CompletionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.alipay.remoting.AsyncContext;
import com.alipay.remoting.BizContext;
import com.alipay.remoting.rpc.protocol.AsyncUserProcessor;

import io.weft.registry.meta.command.RenewNode;
import io.weft.registry.meta.raft.MetaRaftNode;
import io.weft.registry.meta.raft.NotLeaderException;
import io.weft.registry.meta.state.NodeRole;
import io.weft.registry.protocol.NodeHeartbeat;
import io.weft.registry.protocol.ProtocolClasses;

/**
 * A session's or data server's {@link NodeHeartbeat} (REG-40, REG-50, REG-51): on the leader it registers or renews
 * the server through the group, and the answer, sent once the group committed it, is the view the server runs by.
 * A follower sends the caller to the leader. A heartbeat that asks for {@link ViewNotices} subscribes its connection.
 * Never blocks Bolt's threads on the group.
 */
final class HeartbeatProcessor extends AsyncUserProcessor<NodeHeartbeat> {

    private static final Logger LOG = LoggerFactory.getLogger("registry.meta");

    private final NodeRole portRole;
    private final int port;
    private final MetaRaftNode raft;
    private final ClusterViews views;
    private final ViewNotices notices;
    private final DisconnectedNodes disconnected;
    private final Clock clock;

    /**
     * @param portRole the role this port serves: sessions on 9610, data servers on 9611
     * @param notices      where a heartbeat that asks for view notices subscribes its connection
     * @param disconnected told which server heartbeats on which connection
     */
    HeartbeatProcessor(NodeRole portRole, int port, MetaRaftNode raft, ClusterViews views, ViewNotices notices,
            DisconnectedNodes disconnected, Clock clock) {
        this.portRole = portRole;
        this.port = port;
        this.raft = raft;
        this.views = views;
        this.notices = notices;
        this.disconnected = disconnected;
        this.clock = clock;
    }

    @Override
    public void handleRequest(BizContext context, AsyncContext answer, NodeHeartbeat beat) {
        String problem = HeartbeatCheck.problem(beat, portRole);
        if (problem != null) {
            LOG.error("[heartbeat] refused from {}: {}: {}", context.getRemoteAddress(), problem, beat);
            answer.sendResponse(views.refused(port, problem));
            return;
        }
        if (!raft.isLeader()) {
            answer.sendResponse(views.notLeader(port));
            return;
        }
        if (beat.isViewNotices()) {
            notices.subscribe(context.getConnection());
        }
        disconnected.heard(context.getConnection(), portRole, beat.getAddress().strip());
        RenewNode renew = new RenewNode(portRole, beat.getAddress().strip(), blankToEmpty(beat.getDataCenter()),
                clock.millis());
        raft.apply(renew).whenComplete((result, failure) -> {
            if (failure == null) {
                answer.sendResponse(views.view(port, beat.getSlotTableEpoch()));
            } else if (unwrap(failure) instanceof NotLeaderException) {
                answer.sendResponse(views.notLeader(port));
            } else {
                LOG.warn("[heartbeat] {} {} not renewed: {}", portRole, beat.getAddress(), unwrap(failure).getMessage());
                answer.sendResponse(views.refused(port, "not renewed: " + unwrap(failure).getMessage()));
            }
        });
    }

    @Override
    public String interest() {
        return NodeHeartbeat.class.getName();
    }

    @Override
    public ClassLoader getBizClassLoader() {
        return ProtocolClasses.classLoader();
    }

    private static Throwable unwrap(Throwable t) {
        return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
    }

    private static String blankToEmpty(String s) {
        return s == null ? "" : s.strip();
    }
}
