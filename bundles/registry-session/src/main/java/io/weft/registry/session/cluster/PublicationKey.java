package io.weft.registry.session.cluster;

import io.weft.registry.session.data.DataInfoId;

/** One publisher of one datum: what a data server keys a publisher by, plus the datum that routes it to a slot. */
public record PublicationKey(DataInfoId id, String registId) {
}
