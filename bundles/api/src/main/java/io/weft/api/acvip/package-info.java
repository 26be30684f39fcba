/**
 * ACVIP, address discovery: which addresses serve a product for a tenant instance.
 *
 * <p>A domain is {@code {instanceId}-{SERVICE}} (see {@link io.weft.api.acvip.AcvipServices}). A role
 * on the ACVIP node's own JVM publishes its address by registering a
 * {@link io.weft.api.acvip.ServiceAddress} as an OSGi service; a role on another node registers it over
 * HTTP with {@link io.weft.api.acvip.AcvipClient#register} and keeps the lease alive with
 * {@link io.weft.api.acvip.AcvipClient#keepRegistered}, signed with an OSP AccessKey that holds
 * {@code antcloud.acvip.register} ({@link io.weft.api.acvip.AcvipCredentials}). Applications and
 * Weft's own clients look addresses up with {@link io.weft.api.acvip.AcvipClient#lookup}, which prefers their own data center
 * ({@link io.weft.api.acvip.DataCenters}).
 *
 * <p>The client needs only the JDK and Jackson, so it also works as a plain jar outside OSGi. The wire
 * format is described in {@link io.weft.api.acvip.AcvipProtocol}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package io.weft.api.acvip;
