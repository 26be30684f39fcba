package io.weft.registry.data.server;

import io.weft.registry.protocol.ClientOffRequest;
import io.weft.registry.protocol.DataReply;
import io.weft.registry.protocol.GetDatumRequest;
import io.weft.registry.protocol.GetDatumVersionsRequest;
import io.weft.registry.protocol.PublicationBatch;
import io.weft.registry.protocol.PublicationBatchReply;
import io.weft.registry.protocol.PublishRequest;
import io.weft.registry.protocol.SessionLeaseRenew;
import io.weft.registry.protocol.UnpublishRequest;
import java.util.List;
import java.util.function.Function;

/**
 * What a data server does with each session request class of decision record 0021, and the {@code success=false}
 * reply it gives one it cannot handle: the one table its Bolt {@link SessionPort} and its {@link InProcessSessions}
 * both serve.
 */
public final class SessionHandlers {

    /**
     * One request class.
     *
     * @param handle  answers a request of {@code type}
     * @param refusal makes the refused reply of a request of {@code type} from its reason
     */
    public record Handler<T>(Class<T> type, Function<T, Object> handle, Function<String, Object> refusal) {

        /** Answers {@code request}, which must be a {@code type}. */
        Object apply(Object request) {
            return handle.apply(type.cast(request));
        }
    }

    private SessionHandlers() {
    }

    public static List<Handler<?>> of(SessionRequests requests) {
        return List.of(
                new Handler<>(PublishRequest.class, requests::publish, DataReply::refused),
                new Handler<>(UnpublishRequest.class, requests::unpublish, DataReply::refused),
                new Handler<>(PublicationBatch.class, requests::batch, PublicationBatchReply::refused),
                new Handler<>(ClientOffRequest.class, requests::clientOff, DataReply::refused),
                new Handler<>(GetDatumRequest.class, requests::getDatum, Replies::refusedView),
                new Handler<>(GetDatumVersionsRequest.class, requests::versions, Replies::refusedVersions),
                new Handler<>(SessionLeaseRenew.class, requests::renew, DataReply::refused));
    }
}
