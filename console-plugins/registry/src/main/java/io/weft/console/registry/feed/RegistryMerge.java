package io.weft.console.registry.feed;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Merges the sessions' snapshots into one {@link RegistryView}. A client that moved to another session may
 * be held by both for a moment (the old one has not noticed the closed connection yet): a registId is
 * shown once per dataInfoId, from the first session in the order given.
 */
public final class RegistryMerge {

    private RegistryMerge() {
    }

    /**
     * @param snapshots the snapshots read, in the order of the sessions
     * @param errors    the sessions whose snapshot could not be read, with the reason
     */
    public static RegistryView merge(List<SessionSnapshot> snapshots, Map<String, String> errors,
            List<String> sessions, Instant takenAt) {
        Map<String, Builder> byId = new TreeMap<>();
        for (SessionSnapshot snapshot : snapshots) {
            for (SessionSnapshot.Publisher p : snapshot.publishers()) {
                byId.computeIfAbsent(p.dataInfoId(), k -> new Builder(p.dataId(), p.instanceId(), p.group()))
                        .publishers.putIfAbsent(p.registId(), p);
            }
            for (SessionSnapshot.Subscriber s : snapshot.subscribers()) {
                byId.computeIfAbsent(s.dataInfoId(), k -> new Builder(s.dataId(), s.instanceId(), s.group()))
                        .subscribers.putIfAbsent(s.registId(), s);
            }
        }
        List<Service> services = new ArrayList<>(byId.size());
        byId.forEach((id, b) -> {
            List<SessionSnapshot.Publisher> pubs = new ArrayList<>(b.publishers.values());
            pubs.sort(Comparator.comparing(SessionSnapshot.Publisher::client));
            List<SessionSnapshot.Subscriber> subs = new ArrayList<>(b.subscribers.values());
            subs.sort(Comparator.comparing(SessionSnapshot.Subscriber::client));
            services.add(new Service(id, b.dataId, b.instanceId, b.group, pubs, subs));
        });
        return new RegistryView(services, errors, sessions, takenAt);
    }

    private static final class Builder {
        final String dataId;
        final String instanceId;
        final String group;
        final Map<String, SessionSnapshot.Publisher> publishers = new LinkedHashMap<>();
        final Map<String, SessionSnapshot.Subscriber> subscribers = new LinkedHashMap<>();

        Builder(String dataId, String instanceId, String group) {
            this.dataId = dataId;
            this.instanceId = instanceId;
            this.group = group;
        }
    }
}
