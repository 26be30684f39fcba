package io.weft.registry.session.register;

import io.weft.registry.session.data.DataInfoId;

/** What every kind of registration has: whose it is, where it came from, what it is about. */
public interface Registration {

    String registId();

    String connectionId();

    DataInfoId id();

    /** The client's version of this registration; an update carries a higher one (RCP-7). */
    long version();
}
