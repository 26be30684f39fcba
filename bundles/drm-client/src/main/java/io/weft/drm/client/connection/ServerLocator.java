package io.weft.drm.client.connection;

import java.io.IOException;
import java.util.List;

/** Where the drmdata nodes are. May block (an ACVIP lookup); never called on the I/O thread. */
public interface ServerLocator {

    /**
     * The nodes in the order to try them: own data center first, random within a group.
     *
     * @throws IOException none could be found; the message says why, for common-error.log
     */
    List<ServerAddress> locate() throws IOException;
}
