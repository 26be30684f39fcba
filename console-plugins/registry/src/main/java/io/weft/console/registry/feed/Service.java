package io.weft.console.registry.feed;

import java.util.List;
import java.util.Locale;

/**
 * One service of the registry as the page shows it: a dataInfoId with every session's publishers and
 * subscribers of it.
 */
public record Service(String dataInfoId, String dataId, String instanceId, String group,
        List<SessionSnapshot.Publisher> publishers, List<SessionSnapshot.Subscriber> subscribers) {

    public Service {
        publishers = List.copyOf(publishers);
        subscribers = List.copyOf(subscribers);
    }

    /** Whether the search text (already lower case) is part of the dataInfoId, case-insensitively. */
    boolean matches(String lowerCaseSearch) {
        return lowerCaseSearch.isEmpty() || dataInfoId.toLowerCase(Locale.ROOT).contains(lowerCaseSearch);
    }

    /** The app name of the first publisher that sent one: what {@code service_info} records (CON-3). */
    public String appName() {
        return publishers.stream().map(SessionSnapshot.Publisher::appName).filter(a -> a != null && !a.isBlank())
                .findFirst().orElse(null);
    }
}
