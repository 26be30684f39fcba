package io.weft.console.registry.feed;

import java.util.List;

/**
 * What one session answered on its console port (decision record 0022, format 1): its publishers and
 * subscribers. Decoded and checked by {@link FeedCodec}; every field below is non-null after that, except
 * the app names, which clients may leave out.
 *
 * @param session {@code host:port} of the session's client port
 */
public record SessionSnapshot(String session, List<Publisher> publishers, List<Subscriber> subscribers) {

    public SessionSnapshot {
        publishers = List.copyOf(publishers);
        subscribers = List.copyOf(subscribers);
    }

    /** @param data the published values, e.g. {@code bolt://10.0.0.5:12200?weight=100} */
    public record Publisher(String dataInfoId, String dataId, String instanceId, String group, String registId,
            String client, String appName, String zone, List<String> data) {

        public Publisher {
            data = List.copyOf(data);
        }
    }

    public record Subscriber(String dataInfoId, String dataId, String instanceId, String group, String registId,
            String client, String appName, String scope) {
    }
}
