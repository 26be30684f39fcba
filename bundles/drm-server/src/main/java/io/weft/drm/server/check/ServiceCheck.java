package io.weft.drm.server.check;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * What {@code /checkService} (DRM-33) and the health indicator report: the database answered at the last
 * attempt, the client port (9880) and the sync port (9870) are listening (DRM-29). Reads state only.
 */
public final class ServiceCheck {

    private final BooleanSupplier database;
    private final BooleanSupplier clientPort;
    private final BooleanSupplier syncPort;

    public ServiceCheck(BooleanSupplier database, BooleanSupplier clientPort, BooleanSupplier syncPort) {
        this.database = database;
        this.clientPort = clientPort;
        this.syncPort = syncPort;
    }

    /** {@code checkService} (true only when every part is), then each part. */
    public Map<String, Boolean> parts() {
        boolean db = database.getAsBoolean();
        boolean client = clientPort.getAsBoolean();
        boolean sync = syncPort.getAsBoolean();
        Map<String, Boolean> m = new LinkedHashMap<>();
        m.put("checkService", db && client && sync);
        m.put("database", db);
        m.put("clientPort", client);
        m.put("syncPort", sync);
        return m;
    }
}
