package io.weft.registry.session.push;

import io.weft.registry.session.register.ConfiguratorRegistration;
import io.weft.registry.session.register.Registration;
import io.weft.registry.session.register.RegistrationListener;
import io.weft.registry.session.register.Subscription;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Hands registration events to the two pushers. */
public final class SessionPush implements RegistrationListener {

    private final DataPusher data;
    private final ConfigPusher config;

    public SessionPush(DataPusher data, ConfigPusher config) {
        this.data = data;
        this.config = config;
    }

    @Override
    public void subscribed(Subscription subscription) {
        data.subscribed(subscription);
    }

    @Override
    public void watching(ConfiguratorRegistration configurator) {
        config.watching(configurator);
    }

    @Override
    public void removed(Collection<? extends Registration> registrations) {
        List<String> subscriberIds = new ArrayList<>();
        for (Registration registration : registrations) {
            if (registration instanceof Subscription) {
                subscriberIds.add(registration.registId());
            }
        }
        if (!subscriberIds.isEmpty()) {
            data.removed(subscriberIds);
        }
    }

    /** The push switch opened: everyone gets the current state. */
    public void reopened() {
        data.reopened();
        config.reopened();
    }
}
