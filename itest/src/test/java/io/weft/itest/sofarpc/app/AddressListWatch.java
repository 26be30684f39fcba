package io.weft.itest.sofarpc.app;

import java.io.PrintStream;
import java.util.TreeMap;
import java.util.stream.Collectors;

import com.alipay.sofa.rpc.client.AddressHolder;
import com.alipay.sofa.rpc.client.ProviderGroup;
import com.alipay.sofa.rpc.client.ProviderInfo;

/**
 * Prints the consumer's address list, as SOFARPC's cluster holds it after the registry's pushes and the
 * configurator's overrides (RCP-19), each time it changes: {@code PROVIDERS <epoch ms> host:port=weight,...}. Polled
 * every 5 ms on a daemon thread: SOFARPC offers no public listener beside the cluster's own, and the time stamp is
 * what the test prints as the kill -9 figure, so it must be taken in this process when the change is seen.
 */
final class AddressListWatch implements Runnable {

    private final AddressHolder holder;
    private final PrintStream out;

    private AddressListWatch(AddressHolder holder, PrintStream out) {
        this.holder = holder;
        this.out = out;
    }

    static void start(AddressHolder holder, PrintStream out) {
        Thread thread = new Thread(new AddressListWatch(holder, out), "address-list-watch");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void run() {
        String last = null;
        while (true) {
            String now = describe();
            if (!now.equals(last)) {
                synchronized (out) {
                    out.println("PROVIDERS " + System.currentTimeMillis() + " " + now);
                    out.flush();
                }
                last = now;
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** {@code host:port=weight} of every provider in every group, sorted; empty when there is none. */
    private String describe() {
        TreeMap<String, Integer> weights = new TreeMap<>();
        for (ProviderGroup group : holder.getProviderGroups()) {
            for (ProviderInfo provider : group.getProviderInfos()) {
                weights.put(provider.getHost() + ":" + provider.getPort(), provider.getWeight());
            }
        }
        return weights.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
    }
}
