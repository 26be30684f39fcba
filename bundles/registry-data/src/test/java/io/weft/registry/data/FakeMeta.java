package io.weft.registry.data;

import com.alipay.remoting.BizContext;
import com.alipay.remoting.Connection;
import com.alipay.remoting.exception.RemotingException;
import com.alipay.remoting.config.BoltServerOption;
import com.alipay.remoting.rpc.RpcServer;
import com.alipay.remoting.rpc.protocol.SyncUserProcessor;
import io.weft.registry.protocol.ClusterView;
import io.weft.registry.protocol.NodeHeartbeat;
import io.weft.registry.protocol.Ping;
import io.weft.registry.protocol.ProtocolClasses;
import io.weft.registry.protocol.ReplyMessages;
import io.weft.registry.protocol.SlotTableView;
import io.weft.registry.protocol.ViewChanged;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A meta server's 9611 reduced to what a data server sees of it (decision record 0021): it answers each
 * {@link NodeHeartbeat} with a {@link ClusterView} the test controls, the slot table only when the sender's epoch is
 * older; or, as a follower, refuses with "not leader" and the leader's address. It records heartbeats and pings.
 */
public final class FakeMeta implements AutoCloseable {

    private final RpcServer server = new RpcServer("127.0.0.1", 0, false);
    private final FakeMeta leader;
    private volatile SlotTableView table;
    private volatile List<String> dataNodes = List.of();
    public final List<NodeHeartbeat> heartbeats = new CopyOnWriteArrayList<>();
    public final List<Ping> pings = new CopyOnWriteArrayList<>();
    /** Data servers that are not sent a newer table for now, as if their heartbeats were late. */
    private final Set<String> tableWithheld = ConcurrentHashMap.newKeySet();
    /** The connections whose heartbeats asked for view notices. */
    private final Set<Connection> noticed = ConcurrentHashMap.newKeySet();

    /** A meta leader. */
    public FakeMeta() {
        this(null);
    }

    /** A meta follower of {@code leader}. */
    public FakeMeta(FakeMeta leader) {
        this.leader = leader;
        server.option(BoltServerOption.SERVER_SYNC_STOP, true);
        server.registerUserProcessor(new Processor<>(NodeHeartbeat.class) {
            @Override
            public Object handleRequest(BizContext context, NodeHeartbeat beat) {
                heartbeats.add(beat);
                if (beat.isViewNotices()) {
                    noticed.add(context.getConnection());
                }
                return view(tableWithheld.contains(beat.getAddress()) ? Long.MAX_VALUE : beat.getSlotTableEpoch());
            }
        });
        server.registerUserProcessor(new Processor<>(Ping.class) {
            @Override
            public Object handleRequest(BizContext context, Ping ping) {
                pings.add(ping);
                return view(Long.MAX_VALUE);
            }
        });
        server.startup();
    }

    public String address() {
        return "127.0.0.1:" + server.port();
    }

    public void dataNodes(String... addresses) {
        dataNodes = List.of(addresses);
    }

    public void table(SlotTableView next) {
        table = next;
    }

    /** Sends a {@link ViewChanged} notice on every connection whose heartbeat asked for them; how many were sent. */
    public int viewChanged() throws RemotingException {
        int sent = 0;
        for (Connection connection : noticed) {
            if (connection.isFine()) {
                server.oneway(connection, new ViewChanged("test"));
                sent++;
            }
        }
        return sent;
    }

    /** {@code address} keeps the table it has until {@link #sendTableTo}. */
    public void withholdTableFrom(String address) {
        tableWithheld.add(address);
    }

    public void sendTableTo(String address) {
        tableWithheld.remove(address);
    }

    private ClusterView view(long senderEpoch) {
        ClusterView view = new ClusterView();
        if (leader != null) {
            view.setSuccess(false);
            view.setMessage(ReplyMessages.NOT_LEADER);
            view.setLeader(leader.address());
            return view;
        }
        view.setSuccess(true);
        view.setLeader(address());
        view.setMetaNodes(List.of(address()));
        view.setDataNodes(dataNodes);
        view.setPushOpen(true);
        SlotTableView t = table;
        if (t != null && senderEpoch < t.getEpoch()) {
            view.setSlotTable(t);
        }
        return view;
    }

    @Override
    public void close() {
        server.shutdown();
    }

    private abstract static class Processor<T> extends SyncUserProcessor<T> {
        private final Class<T> type;

        Processor(Class<T> type) {
            this.type = type;
        }

        @Override
        public String interest() {
            return type.getName();
        }

        @Override
        public ClassLoader getBizClassLoader() {
            return ProtocolClasses.classLoader();
        }
    }
}
