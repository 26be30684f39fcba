/**
 * The registry cluster protocol (decision record 0021): the messages session, data and meta servers exchange over
 * SOFA Bolt with Hessian, read through {@code io.weft.codec}'s safe Hessian with {@link
 * io.weft.registry.protocol.ProtocolClasses#ALLOWED} as allow list. Bolt routes a request by its class name (one
 * processor per request class).
 *
 * <table>
 * <caption>Requests and replies by port</caption>
 * <tr><th>port</th><th>from → to</th><th>request</th><th>reply</th></tr>
 * <tr><td>9610 / 9611</td><td>session / data → meta</td><td>{@link io.weft.registry.protocol.NodeHeartbeat},
 *     {@link io.weft.registry.protocol.Ping}</td><td>{@link io.weft.registry.protocol.ClusterView}</td></tr>
 * <tr><td>9610 / 9611</td><td>meta leader → session / data, one-way on the connection a heartbeat came on (when
 *     the heartbeat asked for it: {@code viewNotices})</td><td>{@link io.weft.registry.protocol.ViewChanged}</td>
 *     <td>none</td></tr>
 * <tr><td>9620</td><td>session → data</td><td>{@link io.weft.registry.protocol.PublishRequest},
 *     {@link io.weft.registry.protocol.UnpublishRequest}, {@link io.weft.registry.protocol.ClientOffRequest},
 *     {@link io.weft.registry.protocol.SessionLeaseRenew}</td><td>{@link io.weft.registry.protocol.DataReply}</td></tr>
 * <tr><td>9620</td><td>session → data</td><td>{@link io.weft.registry.protocol.GetDatumRequest}</td>
 *     <td>{@link io.weft.registry.protocol.DatumView}</td></tr>
 * <tr><td>9620</td><td>session → data</td><td>{@link io.weft.registry.protocol.GetDatumVersionsRequest}</td>
 *     <td>{@link io.weft.registry.protocol.DatumVersions}</td></tr>
 * <tr><td>9620</td><td>data → session, one-way on the session's connection</td>
 *     <td>{@link io.weft.registry.protocol.DatumChanged}, {@link io.weft.registry.protocol.DatumChangedBatch}</td>
 *     <td>none</td></tr>
 * <tr><td>9621</td><td>data → data</td><td>{@link io.weft.registry.protocol.ReplicateRequest}</td>
 *     <td>{@link io.weft.registry.protocol.DataReply}</td></tr>
 * <tr><td>9621</td><td>data → data</td><td>{@link io.weft.registry.protocol.ReplicateBatch}</td>
 *     <td>{@link io.weft.registry.protocol.ReplicateBatchReply}</td></tr>
 * <tr><td>9621</td><td>data → data</td><td>{@link io.weft.registry.protocol.SlotSyncRequest}</td>
 *     <td>{@link io.weft.registry.protocol.SlotSnapshot}</td></tr>
 * </table>
 *
 * <p>Every reply carries {@code success} and a {@code message} an operator can read; a refused request never
 * throws across the wire. Messages are plain final classes with public no-argument constructors and
 * {@code ArrayList}/{@code HashMap} values; roles are strings ({@link io.weft.registry.protocol.RegistryRoles}),
 * never enums. Slots: {@link io.weft.registry.protocol.Slots#slotOf}.
 *
 * <p>{@link io.weft.registry.protocol.MetaServerList} and {@link io.weft.registry.protocol.LeaderHeartbeat}: which meta a
 * session's or data server's heartbeat goes to, and how a round finds the leader; {@link
 * io.weft.registry.protocol.ViewNoticeBeat}, the heartbeat a {@link io.weft.registry.protocol.ViewChanged} notice
 * brings forward.
 *
 * <p>Compatibility: a field added later is ignored by an older reader and left at its default by a newer one
 * reading an older writer (Hessian matches fields by name); renaming or retyping a field is a major version.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.6.0")
package io.weft.registry.protocol;
