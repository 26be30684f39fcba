package io.weft.registry.data.ops;

/**
 * Whether this data server can serve sessions: both its ports listen and it works (REG-31). The message follows the
 * seed's one line of flags ({@code DataServerBoot sessionServer:true, ... status:WORK}) with the slot and data counts
 * after it. Read by {@code /health/check} and the node's {@code registry-data} health indicator.
 */
public final class HealthCheck {

    /** @param success whether the server can serve */
    public record Result(boolean success, String message) {
    }

    private final DataServerView data;

    public HealthCheck(DataServerView data) {
        this.data = data;
    }

    public Result check() {
        DataStatus s = data.status();
        if (!s.running()) {
            return new Result(false, "DataServerBoot not running (see registry-data.log for why)");
        }
        String message = "DataServerBoot sessionServer:" + s.sessionPort()
                + ", dataSyncServer:" + s.replicationPort()
                + ", metaRegistered:" + s.metaRegistered()
                + ", status:" + (s.working() ? "WORK" : "INIT")
                + ", address:" + s.address()
                + ", slotTableEpoch:" + s.slotTableEpoch()
                + ", leaderSlots:" + s.leaderSlots()
                + ", followerSlots:" + s.followerSlots()
                + ", datum:" + s.datums()
                + ", pub:" + s.publishers()
                + ", sessionConnections:" + s.sessionConnections();
        return new Result(s.sessionPort() && s.replicationPort() && s.working(), message);
    }
}
