package io.weft.auth.osp;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the node's OSP, PID {@code io.weft.auth.osp}. */
@ObjectClassDefinition(
        name = "Weft OSP",
        description = "Tenants, instances and AccessKeys of this node, and how request signatures are checked.")
public @interface OspConfig {

    @AttributeDefinition(
            name = "Clock skew window (s)",
            description = "A signed request is accepted while its timestamp is at most this many seconds away from"
                    + " the node's clock (SOFARegistry clients, which round their timestamp down to five"
                    + " minutes, get five minutes more into the past).",
            min = "0")
    long clockSkewSeconds() default 300;

    @AttributeDefinition(
            name = "Create the default instance",
            description = "On start, create tenant 'default' and instance 'default' (workspace 'default', every"
                    + " product) if instance 'default' does not exist.")
    boolean bootstrapDefaultInstance() default true;

    @AttributeDefinition(
            name = "Replay cache size",
            description = "How many single-use signatures are remembered to refuse replays within the window.",
            min = "1")
    int replayCacheSize() default 100000;
}
