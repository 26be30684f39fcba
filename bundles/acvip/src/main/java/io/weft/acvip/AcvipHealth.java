package io.weft.acvip;

import java.util.Map;

import io.weft.acvip.book.AddressBook;
import io.weft.acvip.book.AddressState;
import io.weft.api.health.Health;
import io.weft.api.health.HealthIndicator;

/**
 * The {@code acvip} check: DEGRADED while some registered address is down (a role an application may be
 * looking for is gone), else UP. Answers from the book, never from the network.
 */
final class AcvipHealth implements HealthIndicator {

    private final AddressBook book;

    AcvipHealth(AddressBook book) {
        this.book = book;
    }

    @Override
    public String name() {
        return "acvip";
    }

    @Override
    public Health check() {
        Map<AddressState, Integer> c = book.counts();
        String detail = String.format("%d addresses up, %d failing, %d down", c.get(AddressState.UP),
                c.get(AddressState.FAILING), c.get(AddressState.DOWN));
        return c.get(AddressState.DOWN) > 0 ? Health.degraded(detail) : Health.up(detail);
    }
}
