package io.weft.registry.session.cluster;

import com.alipay.remoting.BizContext;
import com.alipay.remoting.Connection;
import com.alipay.remoting.exception.RemotingException;
import com.alipay.remoting.config.BoltServerOption;
import com.alipay.remoting.rpc.RpcServer;
import io.weft.codec.bolt.BoltHessian;
import io.weft.codec.hessian.SafeHessian;
import io.weft.registry.protocol.ClusterView;
import io.weft.registry.protocol.NodeHeartbeat;
import io.weft.registry.protocol.PersistentEntry;
import io.weft.registry.protocol.Ping;
import io.weft.registry.protocol.ProtocolClasses;
import io.weft.registry.protocol.RegistryRoles;
import io.weft.registry.protocol.ReplyMessages;
import io.weft.registry.protocol.SlotTableView;
import io.weft.registry.protocol.ViewChanged;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A meta leader's 9610 and 9611 in one port, reduced to what sessions and data servers see of it (decision record
 * 0021): each {@link NodeHeartbeat} is answered with a {@link ClusterView} the test controls (data servers, slot
 * table only when the sender's epoch is older, push switch, persistent data); the session list is every session that
 * heartbeated. It counts each session's heartbeats, and the pings. As a follower it refuses heartbeats with
 * "not leader" and names its leader.
 */
final class FakeMeta implements AutoCloseable {

    /** Managing its connections, so that closing it also drops the established ones, as a dead meta would. */
    private final RpcServer server = new RpcServer("127.0.0.1", 0, true);
    private final BoltHessian.Registration hessian;
    private volatile SlotTableView table;
    private volatile List<String> dataNodes = List.of();
    private volatile boolean pushOpen = true;
    private final Map<String, PersistentEntry> persistent = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> sessionBeats = new ConcurrentHashMap<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicInteger pings = new AtomicInteger();
    /** The connections whose heartbeats asked for view notices. */
    private final Set<Connection> noticed = ConcurrentHashMap.newKeySet();
    /** The leader this meta sends heartbeats to, null when it leads itself. */
    private final FakeMeta leader;

    /** A meta leader. */
    FakeMeta() {
        this(null);
    }

    /** A meta follower of {@code leader}: it refuses heartbeats with "not leader" and the leader's address. */
    FakeMeta(FakeMeta leader) {
        this.leader = leader;
        hessian = ClusterHessian.SLOT.register(
                new SafeHessian(ProtocolClasses.ALLOWED, 16 * 1024 * 1024, ProtocolClasses.classLoader()));
        server.option(BoltServerOption.SERVER_SYNC_STOP, true);
        server.registerUserProcessor(new ProtocolProcessor<NodeHeartbeat>(NodeHeartbeat.class) {
            @Override
            public Object handleRequest(BizContext context, NodeHeartbeat beat) {
                if (leader != null) {
                    ClusterView refusal = new ClusterView();
                    refusal.setMessage(ReplyMessages.NOT_LEADER);
                    refusal.setLeader(leader.address());
                    return refusal;
                }
                if (RegistryRoles.SESSION.equals(beat.getRole())) {
                    sessionBeats.computeIfAbsent(beat.getAddress(), a -> new AtomicInteger()).incrementAndGet();
                }
                if (beat.isViewNotices()) {
                    noticed.add(context.getConnection());
                }
                return view(beat.getSlotTableEpoch());
            }
        });
        server.registerUserProcessor(new ProtocolProcessor<Ping>(Ping.class) {
            @Override
            public Object handleRequest(BizContext context, Ping ping) {
                pings.incrementAndGet();
                return view(Long.MAX_VALUE);
            }
        });
        server.startup();
    }

    String address() {
        return "127.0.0.1:" + server.port();
    }

    void dataNodes(String... addresses) {
        dataNodes = List.of(addresses);
    }

    void table(SlotTableView next) {
        table = next;
    }

    void pushOpen(boolean open) {
        pushOpen = open;
    }

    void persistent(String dataId, String group, String instanceId, long version, String data) {
        PersistentEntry entry = new PersistentEntry();
        entry.setDataId(dataId);
        entry.setGroup(group);
        entry.setInstanceId(instanceId);
        entry.setVersion(version);
        entry.setData(data);
        persistent.put(dataId + "#" + group + "#" + instanceId, entry);
    }

    /** Sends a {@link ViewChanged} notice on every connection whose heartbeat asked for them; how many were sent. */
    int viewChanged() throws RemotingException {
        int sent = 0;
        for (Connection connection : noticed) {
            if (connection.isFine()) {
                server.oneway(connection, new ViewChanged("test"));
                sent++;
            }
        }
        return sent;
    }

    int pings() {
        return pings.get();
    }

    /** How many heartbeats the session at {@code address} sent. */
    int heartbeatsOf(String address) {
        AtomicInteger beats = sessionBeats.get(address);
        return beats == null ? 0 : beats.get();
    }

    private ClusterView view(long senderEpoch) {
        ClusterView view = new ClusterView();
        view.setSuccess(true);
        view.setLeader(address());
        view.setMetaNodes(List.of(address()));
        view.setDataNodes(dataNodes);
        view.setSessionNodes(new ArrayList<>(sessionBeats.keySet()));
        view.setPushOpen(pushOpen);
        view.setPersistentData(new ArrayList<>(persistent.values()));
        SlotTableView t = table;
        if (t != null && senderEpoch < t.getEpoch()) {
            view.setSlotTable(t);
        }
        return view;
    }

    /** Stops answering and drops every connection; closing twice does nothing. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            server.shutdown();
            hessian.close();
        }
    }
}
