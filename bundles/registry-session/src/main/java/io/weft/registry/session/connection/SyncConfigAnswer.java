package io.weft.registry.session.connection;

import com.alipay.sofa.registry.core.model.SyncConfigRequest;
import com.alipay.sofa.registry.core.model.SyncConfigResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * Answers the client's periodic {@code SyncConfigRequest} (RCP-9): the data centers whose pushes it should
 * keep (this session's one), and when to ask again.
 */
final class SyncConfigAnswer {

    private final String dataCenter;
    private final int retryIntervalMillis;

    SyncConfigAnswer(String dataCenter, int retryIntervalMillis) {
        this.dataCenter = dataCenter;
        this.retryIntervalMillis = retryIntervalMillis;
    }

    SyncConfigResponse answer(SyncConfigRequest request, String connectionId) {
        SyncConfigResponse response = new SyncConfigResponse();
        response.setSuccess(true);
        response.setAvailableSegments(new ArrayList<>(List.of(dataCenter)));
        response.setRetryInterval(retryIntervalMillis);
        return response;
    }
}
