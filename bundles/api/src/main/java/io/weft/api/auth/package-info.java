/**
 * Authentication and permission checks for consoles and ops endpoints (intelliproxy, CON-23).
 *
 * <p>A bundle that serves an endpoint which changes the node (e.g. the MetaServer's
 * {@code /stopPushDataSwitch/open}, {@code /manage/changePeer}, {@code /persistentData/put}) asks the
 * {@link io.weft.api.auth.AccessGuard} service before acting, naming one of the
 * {@link io.weft.api.auth.Permissions}. The node's implementation is the {@code auth-intelliproxy}
 * bundle; its users, roles and sessions are its own business.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package io.weft.api.auth;
