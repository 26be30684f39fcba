/**
 * The node monitor: system measurements, the alert rules evaluated over them and the alerts raised.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.weft.api.monitor;
