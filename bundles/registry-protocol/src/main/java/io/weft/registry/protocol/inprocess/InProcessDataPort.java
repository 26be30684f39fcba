package io.weft.registry.protocol.inprocess;

import io.weft.registry.protocol.DatumChanged;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A data server's session port for the session servers of its own node, as an OSGi service (see the package
 * documentation). Registered by the data server bundle while its server is configured; the address it answers for
 * may change when the data server is reconfigured, so a session asks {@link #address()} at each call.
 *
 * <p>Thread-safe.
 */
@ProviderType
public interface InProcessDataPort {

    /**
     * This data server's address in the slot table ({@code host:port} of its session port), the one sessions call;
     * null while it is not running.
     */
    String address();

    /**
     * Hands one session request (one of the classes the session port takes on the wire) to the data server. The
     * stage completes with the reply the wire would have carried, refusals included ({@code success=false} with
     * the reason), on a data server thread; it completes exceptionally only when the data server could not take the
     * request at all (stopped, or its work queue is full). It never completes on the calling thread.
     */
    CompletionStage<Object> call(Object request);

    /**
     * Sends this data server's change notices to {@code notices}, as it sends them to each connected session, until
     * the returned handle is closed. {@code notices} is called on a data server thread and must only hand the
     * notice on.
     *
     * @param name what the data server calls this session in its logs
     */
    Attachment attach(String name, Consumer<DatumChanged> notices);

    /** An attached session; closing it detaches it. Closing twice does nothing. */
    interface Attachment extends AutoCloseable {
        @Override
        void close();
    }
}
