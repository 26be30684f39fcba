package io.weft.drm.server.core;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Daemon threads named {@code prefix-N}, so thread dumps and drmdata-threadpool.log say whose they are. */
public final class NamedThreads implements ThreadFactory {

    private final String prefix;
    private final AtomicInteger n = new AtomicInteger();

    public NamedThreads(String prefix) {
        this.prefix = prefix;
    }

    public String prefix() {
        return prefix;
    }

    @Override
    public Thread newThread(Runnable r) {
        Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
        t.setDaemon(true);
        return t;
    }
}
