package io.weft.itest.sofarpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.weft.itest.sofarpc.app.Echo;
import io.weft.itest.support.Http;
import io.weft.itest.support.TestPorts;
import io.weft.itest.support.WeftNode;

/**
 * Unmodified SOFARPC 5.13 applications with Weft as their SOFARegistry: two providers and a consumer, each a JVM of its
 * own on SOFARPC's own class path, against one {@code bin/weft} node running meta, data and session with the session
 * in cluster mode (it follows the meta's persistent data). What is asserted is what the consumer's SOFARPC does: whom
 * its Bolt calls reach and what its address list holds. The kill -9 figure is printed, not asserted (the machine may
 * be busy).
 */
class SofaRpcTest {

    private static final Duration AWAIT = Duration.ofSeconds(120);
    /** SOFARPC's dataId for a Bolt service of version 1.0 without uniqueId (RCP-18). */
    private static final String DATA_ID = Echo.class.getName() + ":1.0@DEFAULT";
    private static final int CALLS = 60;

    @Test
    @DisplayName("RCP-15, RCP-16, RCP-17, RCP-18, RCP-19, RCP-20, RCP-21: SOFARPC 5.13 providers and consumer find each"
            + " other through Weft and call over Bolt; an override://…?disabled=true written on the meta stops calls to"
            + " that provider and its removal resumes them; override://…?weight=0 reaches the consumer's address list"
            + " and no call goes there; after kill -9 of a provider the consumer's list drops it (time printed)")
    void sofaRpcThroughWeft() throws Exception {
        try (WeftNode node = WeftNode.create("sofarpc")) {
            node.roles("registry-meta,registry-data,registry-session");
            node.configure("io.weft.registry.session",
                    Map.of("metaServers", "127.0.0.1:" + node.registryPorts().metaSession()));
            node.start();
            awaitTrue("the data server to WORK", () -> node.log("registry/data/registry-data.log").contains("to WORK"));
            awaitTrue("the session registered with the meta leader",
                    () -> node.log("registry/session/registry-session.log").contains("registered with the meta leader"));
            // RCP-15: SOFARPC's registry address is host:port of the session's HTTP (discovery) port.
            String registry = "127.0.0.1:" + node.registryPorts().sessionHttp();
            Overrides overrides = new Overrides(new Http("http://127.0.0.1:" + node.registryPorts().metaHttp(), "admin",
                    WeftNode.ADMIN_PASSWORD), DATA_ID);

            try (SofaRpcProvider a = SofaRpcProvider.start("provider-a", registry, TestPorts.next(), AWAIT);
                 SofaRpcProvider b = SofaRpcProvider.start("provider-b", registry, TestPorts.next(), AWAIT);
                 SofaRpcConsumer consumer = SofaRpcConsumer.start(registry, AWAIT)) {
                // Found through Weft, called over Bolt: equal weights, random balancing, both answer (that one of
                // them gets none of 60 calls has the odds 2^-59).
                consumer.awaitProviders(Map.of(a.address(), 100, b.address(), 100));
                Map<String, Integer> both = consumer.call(CALLS);
                assertTrue(both.getOrDefault(a.name(), 0) > 0 && both.getOrDefault(b.name(), 0) > 0
                        && !both.containsKey("error"), "both providers answer: " + both);

                // disabled=true: the consumer drops A from its list, and every call goes to B.
                long written = System.currentTimeMillis();
                overrides.put("override://" + a.address() + "?disabled=true");
                print("override disabled=true -> in the consumer's address list",
                        consumer.awaitProviders(Map.of(b.address(), 100)).atMillis() - written);
                assertEquals(Map.of(b.name(), CALLS), consumer.call(CALLS), "A disabled: only B answers");

                // The override removed: A is back as it published itself, and called again.
                written = System.currentTimeMillis();
                overrides.remove();
                print("override removed -> in the consumer's address list",
                        consumer.awaitProviders(Map.of(a.address(), 100, b.address(), 100)).atMillis() - written);
                Map<String, Integer> resumed = consumer.call(CALLS);
                assertTrue(resumed.getOrDefault(a.name(), 0) > 0 && !resumed.containsKey("error"),
                        "calls to A resume: " + resumed);

                // weight=0: A stays in the list with weight 0, and the weighted random balancer never picks it.
                // Written right after the removal with the next version: it must still arrive (the session's bug fixed
                // in MetaPersistentData).
                written = System.currentTimeMillis();
                overrides.put("override://" + a.address() + "?weight=0");
                print("override weight=0 -> in the consumer's address list",
                        consumer.awaitProviders(Map.of(a.address(), 0, b.address(), 100)).atMillis() - written);
                assertEquals(Map.of(b.name(), CALLS), consumer.call(CALLS), "A weighs 0: only B answers");

                // An entry without weight resets it to 100 (RCP-19): both answer again.
                overrides.put("override://" + a.address() + "?disabled=false");
                consumer.awaitProviders(Map.of(a.address(), 100, b.address(), 100));
                Map<String, Integer> reset = consumer.call(CALLS);
                assertTrue(reset.getOrDefault(a.name(), 0) > 0, "A weighs 100 again: " + reset);

                // kill -9 of A (RCP-21): its connection to the session drops, the session pushes the list without it.
                long killedAt = System.currentTimeMillis();
                a.kill9();
                SofaRpcConsumer.AddressList withoutA = consumer.awaitProviders(Map.of(b.address(), 100));
                print("kill -9 provider -> gone from the consumer's address list", withoutA.atMillis() - killedAt);
                assertEquals(Map.of(b.name(), CALLS), consumer.call(CALLS), "A killed: only B answers");
            }
        }
    }

    /** A figure for the reader (both clocks are this machine's); never asserted. */
    private static void print(String what, long millis) {
        System.out.printf("[sofarpc] %-60s %6d ms%n", what, millis);
    }

    private static void awaitTrue(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
        assertTrue(WeftNode.await(AWAIT, condition), "timed out waiting for " + what);
    }
}
