package io.weft.drm.server.admin;

import java.time.Duration;

/**
 * The tunables of {@link LocalDrmAdmin}, replaced as a whole when the configuration changes.
 *
 * @param dataCenter      the console's data center (announcements go to one of its nodes first)
 * @param maxValueBytes   the largest value, in UTF-8 bytes
 * @param announceTimeout how long one drmdata node may take to answer
 * @param nodeLive        a node is live while its liveness row is at most this old
 */
public record AdminSettings(String dataCenter, int maxValueBytes, Duration announceTimeout, Duration nodeLive) {

    static AdminSettings of(DrmAdminConfig config) {
        String dc = config.dataCenter() == null ? "" : config.dataCenter().strip();
        return new AdminSettings(dc, Math.max(1, config.maxValueBytes()),
                Duration.ofMillis(Math.max(1, config.announceTimeoutMillis())),
                Duration.ofSeconds(Math.max(1, config.nodeLiveSeconds())));
    }
}
