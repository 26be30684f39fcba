/**
 * {@link io.weft.codec.hessian.SafeHessian} in the shape SOFABolt calls: a
 * {@code com.alipay.remoting.serialization.Serializer} for Bolt's Hessian codec byte (RCP-1).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.4.0")
package io.weft.codec.bolt;
