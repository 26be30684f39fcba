package io.weft.store;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;

import io.weft.store.derby.DerbyNetworkServer;
import io.weft.store.derby.DerbySystem;

/** Runs the Derby network server where a role configures {@code io.weft.store.derbyserver}. */
@Component(
        configurationPid = DerbyServerComponent.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE,
        immediate = true,
        service = {})
@Designate(ocd = DerbyServerConfig.class)
public final class DerbyServerComponent {

    static final String PID = "io.weft.store.derbyserver";
    static final String BIND_ADDRESS_PROPERTY = "weft.bind.address";

    private final DerbyNetworkServer server;

    @Activate
    public DerbyServerComponent(BundleContext context, DerbyServerConfig config) throws Exception {
        DerbySystem.configure(DatabaseComponent.nodeHome(context));
        String host = config.host() == null || config.host().isBlank() ? bindAddress(context) : config.host().trim();
        this.server = DerbyNetworkServer.start(host, config.port());
    }

    @Deactivate
    void deactivate() {
        server.close();
    }

    private static String bindAddress(BundleContext context) {
        String address = context.getProperty(BIND_ADDRESS_PROPERTY);
        return address == null || address.isBlank() ? "127.0.0.1" : address.trim();
    }
}
