package io.weft.registry.session.ops;

import io.weft.registry.session.connection.RefusalCounts;
import io.weft.registry.session.push.PushCounts;
import io.weft.registry.session.push.PushSwitch;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A session whose state a test sets directly. */
public final class FakeSessionView implements SessionView {

    public volatile String endpoint = "127.0.0.1:9600";
    public final List<String> connections = new ArrayList<>();
    public volatile int publishers;
    public volatile int subscribers;
    public volatile int watchers;
    public final PushSwitch pushSwitch = new PushSwitch();
    public final PushCounts pushCounts = new PushCounts();
    public final RefusalCounts refusals = new RefusalCounts();
    /** The cluster's sessions as discovery answers them; null answers this session's endpoint alone. */
    public volatile List<String> sessionEndpoints;
    public volatile ClusterStatus cluster = ClusterStatus.STANDALONE;

    @Override
    public Optional<String> boltEndpoint() {
        return Optional.ofNullable(endpoint);
    }

    @Override
    public synchronized List<String> connections() {
        return List.copyOf(connections);
    }

    @Override
    public int publishers() {
        return publishers;
    }

    @Override
    public int subscribers() {
        return subscribers;
    }

    @Override
    public int watchers() {
        return watchers;
    }

    @Override
    public PushSwitch pushSwitch() {
        return pushSwitch;
    }

    @Override
    public PushCounts pushCounts() {
        return pushCounts;
    }

    @Override
    public RefusalCounts refusals() {
        return refusals;
    }

    @Override
    public List<String> sessionEndpoints() {
        List<String> endpoints = sessionEndpoints;
        return endpoints == null ? SessionView.super.sessionEndpoints() : endpoints;
    }

    @Override
    public ClusterStatus cluster() {
        return cluster;
    }
}
