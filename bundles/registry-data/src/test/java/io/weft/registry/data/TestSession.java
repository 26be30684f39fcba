package io.weft.registry.data;

import com.alipay.remoting.exception.RemotingException;
import com.alipay.remoting.rpc.RpcClient;
import io.weft.codec.bolt.OneWayProcessor;
import io.weft.registry.protocol.DataReply;
import io.weft.registry.protocol.DatumChanged;
import io.weft.registry.protocol.DatumChangedBatch;
import io.weft.registry.protocol.DatumView;
import io.weft.registry.protocol.GetDatumRequest;
import io.weft.registry.protocol.ProtocolClasses;
import io.weft.registry.protocol.PublishRequest;
import io.weft.registry.protocol.PublisherEntry;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A session server's side of 9620 as a test drives it: Bolt calls to data servers, and the change notices they send
 * back on its connections.
 */
public final class TestSession implements AutoCloseable {

    public static final String ADDRESS = "127.0.0.1:9600";

    public final String processId;
    public final List<DatumChanged> notices = new CopyOnWriteArrayList<>();
    /** How many of the notices came in a {@link DatumChangedBatch}. */
    public final AtomicInteger batches = new AtomicInteger();
    private final RpcClient client = new RpcClient();

    public TestSession(String processId) {
        this.processId = processId;
        client.registerUserProcessor(
                new OneWayProcessor<>(DatumChanged.class, ProtocolClasses.classLoader(), notices::add));
        // A data server sends the notices that queued for one connection as one batch (decision record 0027).
        client.registerUserProcessor(new OneWayProcessor<>(DatumChangedBatch.class, ProtocolClasses.classLoader(),
                batch -> {
                    batches.incrementAndGet();
                    notices.addAll(batch.getNotices());
                }));
        client.startup();
    }

    /** Sends {@code request} to the data server at {@code address} and returns the reply. */
    @SuppressWarnings("unchecked")
    public <R> R call(String address, Object request) throws RemotingException, InterruptedException {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(ProtocolClasses.classLoader());
        try {
            return (R) client.invokeSync(address, request, 10_000);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    public DataReply publish(String address, String dataInfoId, String registerId, String... data) throws Exception {
        return call(address, publishRequest(dataInfoId, registerId, data));
    }

    public DatumView get(String address, String dataInfoId) throws Exception {
        GetDatumRequest request = new GetDatumRequest();
        request.setDataInfoId(dataInfoId);
        return call(address, request);
    }

    public PublishRequest publishRequest(String dataInfoId, String registerId, String... data) {
        PublisherEntry publisher = new PublisherEntry();
        publisher.setRegisterId(registerId);
        publisher.setSessionAddress(ADDRESS);
        publisher.setSessionProcessId(processId);
        publisher.setConnectionId("10.0.0.5:40001");
        publisher.setZone("ZONE_A");
        publisher.setData(List.of(data));
        publisher.setClientVersion(1);
        publisher.setRegisterTimestamp(System.currentTimeMillis());
        PublishRequest request = new PublishRequest();
        request.setDataInfoId(dataInfoId);
        request.setDataId(dataInfoId.split("#@#")[0]);
        request.setGroup("SOFA");
        request.setInstanceId("DEFAULT_INSTANCE_ID");
        request.setPublisher(publisher);
        return request;
    }

    @Override
    public void close() {
        client.shutdown();
    }
}
