package io.weft.registry.session.realclient.isolated;

import com.alipay.sofa.registry.client.api.Publisher;
import com.alipay.sofa.registry.client.api.model.RegistryType;
import com.alipay.sofa.registry.client.api.registration.ConfiguratorRegistration;
import com.alipay.sofa.registry.client.api.registration.PublisherRegistration;
import com.alipay.sofa.registry.client.api.registration.SubscriberRegistration;
import com.alipay.sofa.registry.client.provider.DefaultRegistryClient;
import com.alipay.sofa.registry.client.provider.DefaultRegistryClientConfigBuilder;
import com.alipay.sofa.registry.client.remoting.ClientConnection;
import com.alipay.sofa.registry.core.model.ScopeEnum;
import io.weft.registry.session.realclient.RealClient;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Drives the real {@link DefaultRegistryClient} through its public API only. Loaded by {@code RealClients}
 * in the client's own class loader: it must not touch test classes other than {@link RealClient}.
 */
public final class ClientDriver implements RealClient {

    private final DefaultRegistryClient client;
    private final Map<String, Publisher> publishers = new ConcurrentHashMap<>();
    private boolean closed;

    public ClientDriver(String host, int discoveryPort, String appName, String accessKey, String secretKey) {
        DefaultRegistryClientConfigBuilder config = DefaultRegistryClientConfigBuilder.start()
                .setRegistryEndpoint(host)
                .setRegistryEndpointPort(discoveryPort)
                .setAppName(appName)
                .setDataCenter("DefaultDataCenter")
                .setZone("DEFAULT_ZONE")
                .setInstanceId("weft-test");
        if (accessKey != null) {
            config.setAccessKey(accessKey).setSecretKey(secretKey);
        }
        client = new DefaultRegistryClient(config.build());
        inClientLoader(client::init);
    }

    /**
     * Runs with the client's class loader as context class loader, as an application whose class path holds
     * the client would; the threads the client starts inherit it, and Hessian loads classes through it.
     */
    private static void inClientLoader(Runnable work) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(ClientDriver.class.getClassLoader());
        try {
            work.run();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Override
    public void publish(String dataId, String group, String... data) {
        PublisherRegistration registration = new PublisherRegistration(dataId);
        registration.setGroup(group);
        inClientLoader(() -> publishers.put(dataId, client.register(registration, data)));
    }

    @Override
    public void republish(String dataId, String... data) {
        inClientLoader(() -> publishers.get(dataId).republish(data));
    }

    @Override
    public void unpublish(String dataId, String group) {
        inClientLoader(() -> client.unregister(dataId, group, RegistryType.PUBLISHER));
        publishers.remove(dataId);
    }

    @Override
    public void subscribe(String dataId, String group, Consumer<Map<String, List<String>>> observer) {
        SubscriberRegistration registration = new SubscriberRegistration(dataId, (id, userData) -> {
            Map<String, List<String>> copy = new LinkedHashMap<>();
            if (userData.getZoneData() != null) {
                userData.getZoneData().forEach((zone, values) -> copy.put(zone, new ArrayList<>(values)));
            }
            observer.accept(copy);
        });
        registration.setGroup(group);
        registration.setScopeEnum(ScopeEnum.global);
        inClientLoader(() -> client.register(registration));
    }

    @Override
    public void watch(String dataId, String group, Consumer<String> observer) {
        ConfiguratorRegistration registration =
                new ConfiguratorRegistration(dataId, (id, configData) -> observer.accept(configData.getData()));
        registration.setGroup(group);
        inClientLoader(() -> client.register(registration));
    }

    /** The client has no close of its own: its connection is destroyed, which is what the server sees. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            Field field = DefaultRegistryClient.class.getDeclaredField("client");
            field.setAccessible(true);
            ClientConnection connection = (ClientConnection) field.get(client);
            if (connection != null) {
                connection.destroy();
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot close the registry client", e);
        }
    }
}
