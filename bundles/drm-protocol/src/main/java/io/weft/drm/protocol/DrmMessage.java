package io.weft.drm.protocol;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * One frame of the DRM protocol. The JSON object names its kind in {@code "type"}; only the names
 * below are accepted, so a frame can never choose a Java class.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Register.class, name = "register"),
        @JsonSubTypes.Type(value = Registered.class, name = "registered"),
        @JsonSubTypes.Type(value = Subscribe.class, name = "subscribe"),
        @JsonSubTypes.Type(value = Heartbeat.class, name = "heartbeat"),
        @JsonSubTypes.Type(value = HeartbeatAck.class, name = "heartbeatAck"),
        @JsonSubTypes.Type(value = Notify.class, name = "notify"),
        @JsonSubTypes.Type(value = Ack.class, name = "ack"),
        @JsonSubTypes.Type(value = ErrorReply.class, name = "error"),
        @JsonSubTypes.Type(value = Publish.class, name = "publish"),
        @JsonSubTypes.Type(value = PublishAck.class, name = "publishAck"),
        @JsonSubTypes.Type(value = HoldersQuery.class, name = "holdersQuery"),
        @JsonSubTypes.Type(value = Holders.class, name = "holders")
})
public sealed interface DrmMessage
        permits Register, Registered, Subscribe, Heartbeat, HeartbeatAck, Notify, Ack, ErrorReply,
        Publish, PublishAck, HoldersQuery, Holders {
}
