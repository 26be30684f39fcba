package io.weft.bench.registry.load;

/** Samples the server's RSS every 250 ms while running and keeps the largest: "RSS under load". */
final class RssSampler implements AutoCloseable {

    private final ServerProbe probe;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long maxKiB = -1;

    RssSampler(ServerProbe probe) {
        this.probe = probe;
        this.thread = new Thread(this::loop, "rss-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        while (running) {
            maxKiB = Math.max(maxKiB, probe.rssKiB());
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    long maxKiB() {
        return Math.max(maxKiB, probe.rssKiB());
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
