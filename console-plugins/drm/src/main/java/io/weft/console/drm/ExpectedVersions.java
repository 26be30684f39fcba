package io.weft.console.drm;

import io.weft.api.drm.DrmAttribute;
import io.weft.api.drm.GrayRelease;
import io.weft.api.drm.Subscribers.Subscriber;

/**
 * Which version a subscriber of an attribute should hold: the gray version when a gray release is open
 * and the subscriber is one of its targets (by client IP or by zone), the common version otherwise. A
 * subscriber holding anything else is lagging — or, after an abandoned gray release, still on the gray
 * value — and its drmdata node will notify it again at its next heartbeat (DRM-10).
 */
final class ExpectedVersions {

    private ExpectedVersions() {
    }

    static boolean isGrayTarget(DrmAttribute attribute, Subscriber subscriber) {
        GrayRelease gray = attribute.gray();
        return gray != null && (gray.targets().clientIps().contains(subscriber.clientIp())
                || gray.targets().zones().contains(subscriber.zone()));
    }

    static long expected(DrmAttribute attribute, Subscriber subscriber) {
        return isGrayTarget(attribute, subscriber) ? attribute.gray().version() : attribute.version();
    }

    static boolean isLagging(DrmAttribute attribute, Subscriber subscriber) {
        return subscriber.version() != expected(attribute, subscriber);
    }
}
