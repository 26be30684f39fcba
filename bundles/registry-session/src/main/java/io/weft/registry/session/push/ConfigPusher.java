package io.weft.registry.session.push;

import com.alipay.sofa.registry.core.model.ReceivedConfigData;
import io.weft.registry.session.data.DataInfoId;
import io.weft.registry.session.data.PersistentData;
import io.weft.registry.session.data.PersistentDatum;
import io.weft.registry.session.register.ConfiguratorRegistration;
import io.weft.registry.session.register.RegistrationTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes {@code ReceivedConfigData} to configurators (RCP-19): the current value when one registers, every
 * effective write of {@link PersistentData} to all configurators of that id, and everything again when the
 * push switch opens. Values are written by operators, rarely, with rising versions; the client keeps only a
 * higher version, so a push is sent once and a failure is logged, not retried.
 *
 * <p>Runs on {@code executor} (a single thread), so pushes of one id leave in version order.
 */
public final class ConfigPusher {

    private static final Logger LOG = LoggerFactory.getLogger("registry.push");

    private final PersistentData store;
    private final RegistrationTable<ConfiguratorRegistration> configurators;
    private final PushChannel channel;
    private final PushSwitch pushSwitch;
    private final Executor executor;

    public ConfigPusher(PersistentData store, RegistrationTable<ConfiguratorRegistration> configurators,
            PushChannel channel, PushSwitch pushSwitch, Executor executor) {
        this.store = store;
        this.configurators = configurators;
        this.channel = channel;
        this.pushSwitch = pushSwitch;
        this.executor = executor;
    }

    public void watching(ConfiguratorRegistration configurator) {
        run(() -> push(configurator.id(), List.of(configurator)));
    }

    public void changed(PersistentDatum value) {
        run(() -> push(value.id(), configurators.of(value.id())));
    }

    public void reopened() {
        run(() -> {
            Map<DataInfoId, List<ConfiguratorRegistration>> byId = new LinkedHashMap<>();
            for (ConfiguratorRegistration configurator : configurators.all()) {
                byId.computeIfAbsent(configurator.id(), id -> new ArrayList<>()).add(configurator);
            }
            byId.forEach(this::push);
        });
    }

    /** Work for the push thread; dropped once it has stopped (the session is closing). */
    private void run(Runnable work) {
        try {
            executor.execute(work);
        } catch (RejectedExecutionException stopped) {
            LOG.debug("[push] stopped: {}", stopped.toString());
        }
    }

    private void push(DataInfoId id, List<ConfiguratorRegistration> targets) {
        if (!pushSwitch.isOpen() || targets.isEmpty()) {
            return;
        }
        PersistentDatum value = store.get(id).orElse(null);
        Map<String, List<String>> byConnection = new LinkedHashMap<>();
        for (ConfiguratorRegistration target : targets) {
            byConnection.computeIfAbsent(target.connectionId(), c -> new ArrayList<>()).add(target.registId());
        }
        byConnection.forEach((connectionId, registIds) -> {
            ReceivedConfigData received = ReceivedDataFactory.receivedConfigData(id, value, registIds);
            channel.send(connectionId, received, failure -> {
                if (failure == null) {
                    LOG.info("[push] config dataInfoId {} version {} connection {} configurators {} result ok", id,
                            received.getVersion(), connectionId, registIds.size());
                } else {
                    LOG.warn("[push] config dataInfoId {} version {} connection {} configurators {} result failed: {}",
                            id, received.getVersion(), connectionId, registIds.size(), failure.toString());
                }
            });
        });
    }
}
