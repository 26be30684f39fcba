package io.weft.registry.session.console;

import io.weft.registry.session.register.Registrations;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * One session's registrations as the console feed sends them (decision record 0022, format 1). Built from
 * the session's own record of its clients' registrations, so it answers from memory in a cluster too. The
 * field names are the wire format: change them only with a new {@link #FORMAT}.
 *
 * @param format      {@value #FORMAT}; a console refuses a snapshot of a format it does not know
 * @param session     {@code host:port} of this session's client port, empty while it does not listen
 * @param publishers  sorted by dataInfoId, then registId
 * @param subscribers sorted by dataInfoId, then registId
 */
public record ConsoleSnapshot(int format, String session, List<Publisher> publishers, List<Subscriber> subscribers) {

    public static final int FORMAT = 1;

    /**
     * @param client  the client's {@code ip:port} (its connection to this session)
     * @param appName null when the client sent none
     * @param data    the published values, e.g. SOFARPC's {@code bolt://10.0.0.5:12200?weight=100&...}
     */
    public record Publisher(String dataInfoId, String dataId, String instanceId, String group, String registId,
            String client, String appName, String zone, List<String> data) {
    }

    /** @param scope {@code zone}, {@code dataCenter} or {@code global} */
    public record Subscriber(String dataInfoId, String dataId, String instanceId, String group, String registId,
            String client, String appName, String scope) {
    }

    /**
     * The snapshot of {@code registrations}.
     *
     * @param clientAddress a connection id's client {@code ip:port}; connection ids are the address today
     *        (ClientConnection), the function keeps the feed right if that changes
     */
    public static ConsoleSnapshot of(String session, Registrations registrations,
            Function<String, String> clientAddress) {
        // Sorted after mapping: each dataInfoId is written out once, not at every comparison of the sort.
        List<Publisher> publishers = registrations.publishers().all().stream()
                .map(p -> new Publisher(p.id().toString(), p.id().dataId(), p.id().instanceId(), p.id().group(),
                        p.registId(), clientAddress.apply(p.connectionId()), p.appName(), p.zone(), p.data()))
                .sorted(Comparator.comparing(Publisher::dataInfoId).thenComparing(Publisher::registId))
                .toList();
        List<Subscriber> subscribers = registrations.subscribers().all().stream()
                .map(s -> new Subscriber(s.id().toString(), s.id().dataId(), s.id().instanceId(), s.id().group(),
                        s.registId(), clientAddress.apply(s.connectionId()), s.appName(), s.scope()))
                .sorted(Comparator.comparing(Subscriber::dataInfoId).thenComparing(Subscriber::registId))
                .toList();
        return new ConsoleSnapshot(FORMAT, session, publishers, subscribers);
    }

    /** A snapshot of a session that does not listen (being reconfigured): nothing registered. */
    public static ConsoleSnapshot empty() {
        return new ConsoleSnapshot(FORMAT, "", List.of(), List.of());
    }
}
