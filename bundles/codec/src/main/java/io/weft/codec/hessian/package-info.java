/**
 * Hessian (the sofa-hessian 3.3.x dialect Bolt and the SOFARegistry client speak, RCP-5) that is safe
 * to point at an open port: every class name in a stream is checked against a caller's allow list
 * and a built-in deny list before anything is loaded, and payload size and declared collection
 * lengths are bounded. See {@link io.weft.codec.hessian.SafeHessian}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package io.weft.codec.hessian;
