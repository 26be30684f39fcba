package io.weft.registry.data.server;

import io.weft.registry.protocol.PublishRequest;
import io.weft.registry.protocol.PublisherEntry;
import java.util.ArrayList;
import java.util.List;

/** The fields a {@link PublishRequest} cannot do without, named the way a session developer finds them. */
final class RequiredFields {

    private RequiredFields() {
    }

    /** @return the missing fields, empty when none is */
    static List<String> missing(PublishRequest request) {
        List<String> missing = new ArrayList<>();
        check(missing, "dataInfoId", request.getDataInfoId());
        check(missing, "dataId", request.getDataId());
        check(missing, "group", request.getGroup());
        PublisherEntry publisher = request.getPublisher();
        if (publisher == null) {
            missing.add("publisher");
            return missing;
        }
        check(missing, "publisher.registerId", publisher.getRegisterId());
        check(missing, "publisher.sessionAddress", publisher.getSessionAddress());
        check(missing, "publisher.sessionProcessId", publisher.getSessionProcessId());
        check(missing, "publisher.connectionId", publisher.getConnectionId());
        return missing;
    }

    private static void check(List<String> missing, String name, String value) {
        if (value == null || value.isBlank()) {
            missing.add(name);
        }
    }
}
