package io.weft.registry.data.transport;

import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a data server answers a request its handler failed on, whichever way the request came (a Bolt port, or a
 * session of this node in-process): the failure logged at ERROR with its stack, the request refused with the reason.
 */
public final class HandlerFailures {

    private static final Logger LOG = LoggerFactory.getLogger("registry.data");

    private HandlerFailures() {
    }

    /**
     * @param type    the request's class
     * @param refusal makes the refused reply of a {@code type} from its reason
     * @return the refused reply
     */
    public static Object refused(Class<?> type, Function<String, Object> refusal, RuntimeException failure) {
        LOG.error("[data] {} failed: {}", type.getSimpleName(), failure.toString(), failure);
        return refusal.apply(type.getSimpleName() + " failed on this data server: " + failure);
    }
}
