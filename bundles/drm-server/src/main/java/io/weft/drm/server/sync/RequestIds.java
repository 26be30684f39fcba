package io.weft.drm.server.sync;

import io.weft.drm.protocol.Ack;
import io.weft.drm.protocol.DrmMessage;
import io.weft.drm.protocol.ErrorReply;
import io.weft.drm.protocol.Heartbeat;
import io.weft.drm.protocol.HeartbeatAck;
import io.weft.drm.protocol.Holders;
import io.weft.drm.protocol.HoldersQuery;
import io.weft.drm.protocol.Notify;
import io.weft.drm.protocol.Publish;
import io.weft.drm.protocol.PublishAck;
import io.weft.drm.protocol.Register;
import io.weft.drm.protocol.Registered;
import io.weft.drm.protocol.Subscribe;

/** The request id a frame carries, so an answer can be matched to its request. */
final class RequestIds {

    private RequestIds() {
    }

    /** The frame's request id; a notification's push id; 0 for none. */
    static long of(DrmMessage m) {
        if (m instanceof Register r) {
            return r.requestId();
        } else if (m instanceof Registered r) {
            return r.requestId();
        } else if (m instanceof Subscribe s) {
            return s.requestId();
        } else if (m instanceof Heartbeat h) {
            return h.requestId();
        } else if (m instanceof HeartbeatAck h) {
            return h.requestId();
        } else if (m instanceof Notify n) {
            return n.pushId();
        } else if (m instanceof Ack a) {
            return a.pushId();
        } else if (m instanceof ErrorReply e) {
            return e.requestId();
        } else if (m instanceof Publish p) {
            return p.requestId();
        } else if (m instanceof PublishAck p) {
            return p.requestId();
        } else if (m instanceof HoldersQuery q) {
            return q.requestId();
        } else if (m instanceof Holders h) {
            return h.requestId();
        }
        return 0;
    }
}
