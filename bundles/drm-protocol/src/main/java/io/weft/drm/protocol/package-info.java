/**
 * The DRM wire protocol, shared by drmdata, its peers, the console and the DRM client.
 *
 * <p>Two TCP ports carry {@link io.weft.drm.protocol.DrmMessage}s as length-prefixed JSON frames
 * ({@link io.weft.drm.protocol.FrameEncoder}, {@link io.weft.drm.protocol.FrameDecoder}):
 * <ul>
 * <li><b>9880</b>, clients' long connections (DRM-3, DRM-7): {@link io.weft.drm.protocol.Register},
 * {@link io.weft.drm.protocol.Subscribe}, {@link io.weft.drm.protocol.Heartbeat} and
 * {@link io.weft.drm.protocol.Ack} from the client; {@link io.weft.drm.protocol.Registered},
 * {@link io.weft.drm.protocol.HeartbeatAck} and {@link io.weft.drm.protocol.Notify} from drmdata.</li>
 * <li><b>9870</b>, drmdata to drmdata and console to drmdata (DRM-6, DRM-8):
 * {@link io.weft.drm.protocol.Publish} / {@link io.weft.drm.protocol.PublishAck} and
 * {@link io.weft.drm.protocol.HoldersQuery} / {@link io.weft.drm.protocol.Holders}.</li>
 * </ul>
 * Values never travel over the long connection: a {@link io.weft.drm.protocol.Notify} carries the new
 * version only, and the client pulls the value over HTTP ({@link io.weft.drm.protocol.PullProtocol})
 * from a drmdata node of its own data center (DRM-6 step 5), authorised by the pull token drmdata
 * handed it at registration ({@link io.weft.drm.protocol.PullTokens}).
 *
 * <p>JSON and not Hessian: no frame can name a class to instantiate, and the client needs only Netty
 * and Jackson. See docs/decisions/0018-drm-wire-protocol.md.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.weft.drm.protocol;
