/**
 * OSP, the tenant and instance facade: which tenants, workspaces and instances exist, which
 * products each instance has enabled ({@link io.weft.api.osp.InstanceDirectory}), which AccessKeys
 * exist ({@link io.weft.api.osp.AccessKeys}) and whether a signed request may call
 * ({@link io.weft.api.osp.SignatureVerifier}, with the signing rule in
 * {@link io.weft.api.osp.RequestSigning}). The node's own implementation is the {@code auth-osp}
 * bundle; a site can plug a real OSP by registering its own services of these types instead.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package io.weft.api.osp;
