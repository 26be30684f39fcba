package io.weft.acvip.book;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.weft.acvip.probe.ProbeSweep;
import io.weft.api.acvip.ServiceAddress;
import io.weft.testing.MutableClock;

class DeadNodeRemovalTest {

    private final MutableClock clock = new MutableClock();
    private final List<Set<String>> changes = new ArrayList<>();
    private final AddressBook book = new AddressBook(clock, Duration.ofSeconds(10), changes::add);
    private final Set<ServiceAddress> dead = ConcurrentHashMap.newKeySet();
    /** Probes on the calling thread, answering from {@link #dead}. */
    private final ProbeSweep sweep = new ProbeSweep(book, (a, t) -> !dead.contains(a), Runnable::run,
            Duration.ofSeconds(1));
    private final ServiceAddress session1 = new ServiceAddress("SOFAREGISTRY", "10.0.0.1", 9600, "dc1", "");
    private final ServiceAddress session2 = new ServiceAddress("SOFAREGISTRY", "10.0.0.2", 9600, "dc1", "");

    @Test
    @DisplayName("ACVIP dead-node removal: a node failing its probes leaves the list after the dead-after time")
    void deadNodeLeaves() {
        book.putLocal(session1);
        book.putLocal(session2);
        changes.clear();

        dead.add(session2);
        sweep.runOnce();
        assertEquals(List.of(session1, session2), book.listed("SOFAREGISTRY"), "one failed probe is not death");
        assertEquals(AddressState.FAILING, state(session2));

        clock.advance(Duration.ofSeconds(10));
        sweep.runOnce();
        assertEquals(List.of(session1), book.listed("SOFAREGISTRY"));
        assertEquals(AddressState.DOWN, state(session2));
        assertEquals(List.of(Set.of("SOFAREGISTRY")), changes);
    }

    @Test
    @DisplayName("ACVIP dead-node removal: a node that answers again is listed again")
    void comesBack() {
        book.putLocal(session1);
        dead.add(session1);
        sweep.runOnce();
        clock.advance(Duration.ofSeconds(11));
        sweep.runOnce();
        assertEquals(List.of(), book.listed("SOFAREGISTRY"));

        dead.clear();
        sweep.runOnce();
        assertEquals(List.of(session1), book.listed("SOFAREGISTRY"));
        assertEquals(AddressState.UP, state(session1));
    }

    @Test
    @DisplayName("ACVIP leases: a registration over HTTP that is not renewed leaves the list when its lease ends")
    void leaseExpires() {
        book.renew(session1, Duration.ofSeconds(30));
        clock.advance(Duration.ofSeconds(29));
        sweep.runOnce();
        assertEquals(List.of(session1), book.listed("SOFAREGISTRY"));
        book.renew(session1, Duration.ofSeconds(30));
        clock.advance(Duration.ofSeconds(29));
        sweep.runOnce();
        assertEquals(List.of(session1), book.listed("SOFAREGISTRY"), "renewed");
        clock.advance(Duration.ofSeconds(1));
        sweep.runOnce();
        assertTrue(book.registrations().isEmpty());
    }

    @Test
    @DisplayName("ACVIP leases: a local registration outlives an expired lease of the same address")
    void localStays() {
        book.putLocal(session1);
        book.renew(session1, Duration.ofSeconds(5));
        clock.advance(Duration.ofSeconds(6));
        sweep.runOnce();
        assertEquals(List.of(session1), book.listed("SOFAREGISTRY"));
        book.removeLocal(session1);
        assertTrue(book.registrations().isEmpty());
    }

    private AddressState state(ServiceAddress a) {
        return book.registrations().stream().filter(r -> r.address().equals(a)).findFirst().orElseThrow().state();
    }
}
