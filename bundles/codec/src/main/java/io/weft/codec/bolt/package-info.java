/**
 * {@link io.weft.codec.hessian.SafeHessian} in the shape SOFABolt calls: a
 * {@code com.alipay.remoting.serialization.Serializer} for Bolt's Hessian codec byte (RCP-1); and the Bolt pieces
 * every server shares: {@link io.weft.codec.bolt.BoltServerStop}, {@link io.weft.codec.bolt.BoltEventExecutor},
 * {@link io.weft.codec.bolt.OneWayProcessor} (1.5.0).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.5.0")
package io.weft.codec.bolt;
