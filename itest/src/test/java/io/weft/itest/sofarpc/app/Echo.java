package io.weft.itest.sofarpc.app;

/** The service the SOFARPC provider exports and the consumer calls: it answers which provider served the call. */
public interface Echo {

    String whoami();
}
