package io.weft.itest.sofarpc;

import java.io.IOException;
import java.time.Duration;

import io.weft.itest.sofarpc.app.EchoProvider;

/** An {@link EchoProvider} process: its Bolt address as it publishes it, and the name its calls answer. */
final class SofaRpcProvider implements AutoCloseable {

    private final SofaRpcJvm jvm;
    private final String name;
    private final String address;

    private SofaRpcProvider(SofaRpcJvm jvm, String name, String address) {
        this.jvm = jvm;
        this.name = name;
        this.address = address;
    }

    /** Starts it and waits until it has exported the service (and so asked the registry to publish it). */
    static SofaRpcProvider start(String name, String registryAddress, int port, Duration timeout)
            throws IOException, InterruptedException {
        SofaRpcJvm jvm = SofaRpcJvm.start(name, EchoProvider.class, registryAddress, String.valueOf(port), name);
        String address = "127.0.0.1:" + port;
        jvm.awaitLine(0, ("READY " + address)::equals, timeout, "the export on " + address);
        return new SofaRpcProvider(jvm, name, address);
    }

    String name() {
        return name;
    }

    /** {@code 127.0.0.1:port}, as published and as an {@code override://} entry must name it (RCP-19). */
    String address() {
        return address;
    }

    void kill9() {
        jvm.kill9();
    }

    @Override
    public void close() throws InterruptedException {
        jvm.close();
    }
}
