package io.weft.registry.session.register;

import java.util.Collection;

/** Told of subscribers and configurators coming and going (the push side). Calls return quickly. */
public interface RegistrationListener {

    /** A new or updated subscriber: it gets the current datum at once. */
    void subscribed(Subscription subscription);

    /** A new or updated configurator: it gets the current persistent value at once. */
    void watching(ConfiguratorRegistration configurator);

    /** Subscribers or configurators that are gone (unregistered or their connection closed). */
    void removed(Collection<? extends Registration> registrations);
}
