package io.weft.registry.session.connection;

import java.util.List;

/**
 * What the session port may deserialise (ARCHITECTURE §5): the request classes the client sends and the
 * classes inside them, the push acknowledgement it answers with, and the JDK's collections and boxed values
 * those hold. Weft's deny list of gadget classes wins over this list.
 */
final class ModelClasses {

    private static final String MODEL = "com.alipay.sofa.registry.core.model.";

    /** Exact class names (matched as prefixes of at least the whole name) and the two JDK packages. */
    static final List<String> ALLOWED = List.of(
            MODEL + "PublisherRegister",
            MODEL + "SubscriberRegister",
            MODEL + "ConfiguratorRegister",
            MODEL + "SyncConfigRequest",
            MODEL + "DataBox",
            MODEL + "Result",
            "java.util.",
            "java.lang.");

    private ModelClasses() {
    }
}
