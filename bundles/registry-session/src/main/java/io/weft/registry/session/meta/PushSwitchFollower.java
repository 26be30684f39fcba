package io.weft.registry.session.meta;

import io.weft.registry.session.push.PushSwitch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the session's push switch follow the meta servers' (REG-61, REG-62): every view sets it, so the meta's
 * state wins, and a local write through {@code POST /digest/pushSwitch} lasts until the next view. A change of the
 * meta's state is logged as the seed logs it ({@code Fetch session stop push data switch}).
 *
 * <p>Thread confinement: called by the heartbeat thread only.
 */
public final class PushSwitchFollower {

    private static final Logger LOG = LoggerFactory.getLogger("registry.session");

    private final PushSwitch pushSwitch;
    private Boolean lastSeen;

    public PushSwitchFollower(PushSwitch pushSwitch) {
        this.pushSwitch = pushSwitch;
    }

    /** @param open the meta's state in the latest view */
    public void follow(boolean open) {
        if (lastSeen == null || lastSeen != open) {
            LOG.info("[pushSwitch] Fetch session stop push data switch from meta: stopPush={}", !open);
            lastSeen = open;
        }
        if (open) {
            pushSwitch.open();
        } else {
            pushSwitch.close();
        }
    }
}
