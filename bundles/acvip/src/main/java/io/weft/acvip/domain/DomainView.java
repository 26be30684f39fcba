package io.weft.acvip.domain;

import java.util.List;

import io.weft.api.acvip.ServiceAddress;

/**
 * A known domain as it is now.
 *
 * @param name           the domain name
 * @param productEnabled whether OSP enabled the product for the instance; if not, {@code addresses} is empty
 * @param addresses      the listed addresses, in a stable order
 * @param checksum       changes whenever anything a client sees of the domain changes
 */
public record DomainView(String name, boolean productEnabled, List<ServiceAddress> addresses, String checksum) {

    public DomainView {
        addresses = List.copyOf(addresses);
    }
}
