package io.weft.acvip.book;

import java.time.Instant;

import io.weft.api.acvip.ServiceAddress;

/**
 * What the book holds about one address, as a snapshot.
 *
 * @param address    the address
 * @param local      registered as an OSGi service in this node
 * @param leaseUntil end of the lease of a registration over HTTP; {@code null} when there is none
 * @param state      health
 * @param failingSince first failed probe of the current run of failures; {@code null} while healthy
 */
public record Registration(ServiceAddress address, boolean local, Instant leaseUntil, AddressState state,
        Instant failingSince) {

    public boolean listed() {
        return state != AddressState.DOWN;
    }
}
