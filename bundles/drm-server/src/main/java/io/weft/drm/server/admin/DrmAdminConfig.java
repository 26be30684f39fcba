package io.weft.drm.server.admin;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the console's DRM administration, PID {@code io.weft.drm.admin}. */
@ObjectClassDefinition(
        name = "Weft DRM administration",
        description = "Pushes, gray releases and roll backs of dynamic configuration from this node's console:"
                + " written to the shared database, then announced to one drmdata node (DRM-6).")
public @interface DrmAdminConfig {

    @AttributeDefinition(
            name = "Data center",
            description = "The console's data center: a push is announced to a live drmdata node of it first, to"
                    + " one of another data center only when none of its own answers.")
    String dataCenter() default "dc1";

    @AttributeDefinition(
            name = "Largest value (bytes)",
            description = "A pushed value may be at most this many bytes in UTF-8.",
            min = "1")
    int maxValueBytes() default 65536;

    @AttributeDefinition(
            name = "Announcement timeout (ms)",
            description = "How long one drmdata node may take to acknowledge a push or to list who holds an"
                    + " attribute before the next node is tried (or, for the list, named as unreachable).",
            min = "1")
    long announceTimeoutMillis() default 3000;

    @AttributeDefinition(
            name = "Node liveness window (s)",
            description = "A drmdata node counts as live while it wrote its liveness row within this many seconds.",
            min = "1")
    int nodeLiveSeconds() default 15;

    @AttributeDefinition(
            name = "Largest frame (bytes)",
            description = "The largest answer frame accepted from a drmdata node (a subscriber list of many"
                    + " clients).",
            min = "64")
    int maxFrameBytes() default 1048576;
}
