package io.weft.registry.session.register;

/**
 * Everything this session's clients registered. The session keeps its own record of its clients'
 * registrations (what the data layer holds is rebuilt from it, ARCHITECTURE §4) and of the versions
 * acknowledged. Thread-safe.
 */
public final class Registrations {

    private final RegistrationTable<PublisherRegistration> publishers = new RegistrationTable<>();
    private final RegistrationTable<Subscription> subscribers = new RegistrationTable<>();
    private final RegistrationTable<ConfiguratorRegistration> configurators = new RegistrationTable<>();

    public RegistrationTable<PublisherRegistration> publishers() {
        return publishers;
    }

    public RegistrationTable<Subscription> subscribers() {
        return subscribers;
    }

    public RegistrationTable<ConfiguratorRegistration> configurators() {
        return configurators;
    }
}
