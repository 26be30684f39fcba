package io.weft.acvip.probe;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.weft.acvip.book.AddressBook;
import io.weft.acvip.book.Registration;

/**
 * One sweep: probes every registered address in parallel on the probe executor, records the results,
 * then ends expired leases. The sweeps are scheduled by the caller; {@link #runOnce()} returns when the
 * sweep is done, so two sweeps never overlap.
 */
public final class ProbeSweep {

    private static final Logger LOG = LoggerFactory.getLogger(ProbeSweep.class);

    private final AddressBook book;
    private final Prober prober;
    private final Executor probes;
    private volatile Duration timeout;

    public ProbeSweep(AddressBook book, Prober prober, Executor probes, Duration timeout) {
        this.book = book;
        this.prober = prober;
        this.probes = probes;
        this.timeout = timeout;
    }

    public void setTimeout(Duration timeout) {
        this.timeout = timeout;
    }

    public void runOnce() {
        List<Registration> all = book.registrations();
        Duration t = timeout;
        CompletableFuture<?>[] done = all.stream()
                .map(r -> CompletableFuture.runAsync(() -> probe(r, t), probes))
                .toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(done).join();
        } catch (RuntimeException e) {
            LOG.error("ACVIP probe sweep failed", e);
        }
        book.expire();
    }

    private void probe(Registration r, Duration t) {
        boolean ok = prober.reachable(r.address(), t);
        if (ok != (r.state() != io.weft.acvip.book.AddressState.DOWN && r.failingSince() == null)) {
            LOG.info("{} {} {}", r.address().service(), r.address().hostAndPort(),
                    ok ? "answers its probe again" : "failed its probe");
        }
        book.probed(r.address(), ok);
    }
}
