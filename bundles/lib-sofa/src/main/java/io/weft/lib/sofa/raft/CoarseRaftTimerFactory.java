package io.weft.lib.sofa.raft;

import com.alipay.sofa.jraft.util.NamedThreadFactory;
import com.alipay.sofa.jraft.util.SPI;
import com.alipay.sofa.jraft.util.timer.DefaultRaftTimerFactory;
import com.alipay.sofa.jraft.util.timer.HashedWheelTimer;
import com.alipay.sofa.jraft.util.timer.Timer;
import java.util.concurrent.TimeUnit;

/**
 * JRaft's timers with a 10 ms tick instead of its default 1 ms. Each raft member has four such timers (election,
 * vote, step-down, snapshot), and ReadIndex reads start one more; a hashed wheel wakes its thread every tick
 * whether anything is due or not, so at 1 ms an idle meta member spent about 7 % of a core on waking up. The
 * timeouts these timers run are hundreds of milliseconds or more (the election timeout is a second by default),
 * so a 10 ms resolution changes nothing a member does.
 *
 * <p>JRaft picks the {@code RaftTimerFactory} of highest {@link SPI} priority from
 * {@code META-INF/services/com.alipay.sofa.jraft.util.timer.RaftTimerFactory}, read through this bundle's class
 * loader; this bundle's copy of that file names this class (see the bundle's pom).
 */
@SPI(priority = 100)
public class CoarseRaftTimerFactory extends DefaultRaftTimerFactory {

    /** The wheel's tick. */
    static final long TICK_MILLIS = 10;
    /** JRaft's own wheel size: 2048 ticks of 10 ms hold timeouts of 20 s without wrapping. */
    private static final int TICKS_PER_WHEEL = 2048;

    @Override
    public Timer createTimer(String name) {
        return new HashedWheelTimer(new NamedThreadFactory(name, true), TICK_MILLIS, TimeUnit.MILLISECONDS,
                TICKS_PER_WHEEL);
    }
}
