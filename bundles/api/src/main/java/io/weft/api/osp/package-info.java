/**
 * OSP, the tenant and instance facade: which tenants, workspaces and instances exist, which
 * products each instance has enabled, and who may call what (AccessKey signatures). The node's own
 * implementation is the {@code auth-osp} bundle; a site can plug a real OSP by registering its own
 * services of these types instead.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.weft.api.osp;
