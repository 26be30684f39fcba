package io.weft.itest.sofarpc.app;

import com.alipay.sofa.rpc.config.ApplicationConfig;
import com.alipay.sofa.rpc.config.ProviderConfig;
import com.alipay.sofa.rpc.config.RegistryConfig;
import com.alipay.sofa.rpc.config.ServerConfig;

/**
 * An unmodified SOFARPC provider, run as a JVM of its own by {@code SofaRpcTest} (never in the test JVM): exports
 * {@link Echo} over Bolt on 127.0.0.1 and registers it in the registry at {@code args[0]} (protocol {@code sofa},
 * address {@code host:port} of the session's HTTP port, RCP-15). Prints {@code READY host:port} once exported and
 * runs until its standard input closes or it is killed.
 *
 * <p>Arguments: registry address, Bolt port, the name {@link Echo#whoami()} answers.
 */
public final class EchoProvider {

    private EchoProvider() {
    }

    public static void main(String[] args) throws Exception {
        String registryAddress = args[0];
        int port = Integer.parseInt(args[1]);
        String name = args[2];
        RegistryConfig registry = new RegistryConfig().setProtocol("sofa").setAddress(registryAddress);
        // SOFARPC publishes the machine's own address for a loopback host; the virtual host makes it publish the
        // address it really listens on, so consumers (and override:// entries, RCP-19) name 127.0.0.1.
        ServerConfig server = new ServerConfig().setProtocol("bolt").setHost("127.0.0.1").setBoundHost("127.0.0.1")
                .setVirtualHost("127.0.0.1").setPort(port).setDaemon(false);
        Echo echo = () -> name;
        new ProviderConfig<Echo>()
                .setApplication(new ApplicationConfig().setAppName("weft-itest-provider"))
                .setInterfaceId(Echo.class.getName())
                .setRef(echo)
                .setServer(server)
                .setRegistry(registry)
                .export();
        System.out.println("READY 127.0.0.1:" + port);
        System.out.flush();
        while (System.in.read() != -1) {
            // the test holds standard input open for as long as this provider should live
        }
        System.exit(0);
    }
}
