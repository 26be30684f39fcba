package io.weft.itest.sofarpc.app;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

import com.alipay.sofa.rpc.config.ApplicationConfig;
import com.alipay.sofa.rpc.config.ConsumerConfig;
import com.alipay.sofa.rpc.config.RegistryConfig;

/**
 * An unmodified SOFARPC consumer of {@link Echo}, run as a JVM of its own by {@code SofaRpcTest}: finds providers
 * through the registry at {@code args[0]} (protocol {@code sofa}) and reports on standard output what its own
 * SOFARPC sees, so the test asserts on the application's behaviour and not on the registry's wire:
 * <ul>
 * <li>{@code PROVIDERS <epoch ms> host:port=weight,...} whenever its address list changes ({@link AddressListWatch});</li>
 * <li>{@code CALLS name=count,...} in answer to {@code CALL n} on standard input: n Bolt calls, by who answered
 * ({@code error} for a failed call).</li>
 * </ul>
 * Exits when standard input closes.
 */
public final class EchoConsumer {

    private EchoConsumer() {
    }

    public static void main(String[] args) throws Exception {
        RegistryConfig registry = new RegistryConfig().setProtocol("sofa").setAddress(args[0]);
        ConsumerConfig<Echo> config = new ConsumerConfig<Echo>()
                .setApplication(new ApplicationConfig().setAppName("weft-itest-consumer"))
                .setInterfaceId(Echo.class.getName())
                .setProtocol("bolt")
                .setRegistry(registry)
                .setTimeout(3_000);
        Echo echo = config.refer();
        AddressListWatch.start(config.getConsumerBootstrap().getCluster().getAddressHolder(), System.out);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (line.startsWith("CALL ")) {
                report(calls(echo, Integer.parseInt(line.substring(5).trim())));
            }
        }
        System.exit(0);
    }

    private static Map<String, Integer> calls(Echo echo, int n) {
        Map<String, Integer> byProvider = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            String who;
            try {
                who = echo.whoami();
            } catch (RuntimeException e) {
                who = "error";
                if (!byProvider.containsKey(who)) {
                    e.printStackTrace(); // the first failure of a round, to the process's stderr.log
                }
            }
            byProvider.merge(who, 1, Integer::sum);
        }
        return byProvider;
    }

    private static void report(Map<String, Integer> byProvider) {
        StringBuilder line = new StringBuilder("CALLS ");
        byProvider.forEach((who, count) -> line.append(who).append('=').append(count).append(','));
        synchronized (System.out) {
            System.out.println(line);
            System.out.flush();
        }
    }
}
