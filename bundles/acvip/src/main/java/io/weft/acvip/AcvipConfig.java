package io.weft.acvip;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of ACVIP, PID {@code io.weft.acvip}. Every value applies without a restart. */
@ObjectClassDefinition(
        name = "Weft ACVIP",
        description = "Address discovery on port 9003: long polling, health probes, leases.")
public @interface AcvipConfig {

    @AttributeDefinition(name = "HTTP instance",
            description = "Name of the Felix HTTP instance ACVIP answers on: the factory configuration"
                    + " org.apache.felix.http~acvip (port 9003) names itself 'acvip' with"
                    + " org.apache.felix.http.name. Its port is set there, in one place.")
    String httpInstance() default "acvip";

    @AttributeDefinition(name = "Maximum poll wait (s)",
            description = "Longest a lookup with allowPolling waits for a change before it is answered"
                    + " 'not modified'. 0 answers at once.", min = "0")
    long maxPollWaitSeconds() default 30;

    @AttributeDefinition(name = "Maximum waiting polls",
            description = "Most lookups waiting at once; more are answered at once with"
                    + " pollingAccepted=false.", min = "0")
    int maxWaitingPolls() default 1000;

    @AttributeDefinition(name = "Probe interval (ms)",
            description = "Time between two health probes of every registered address.", min = "100")
    long probeIntervalMillis() default 2000;

    @AttributeDefinition(name = "Probe timeout (ms)",
            description = "How long a TCP connect of a probe may take before it counts as failed.", min = "1")
    long probeTimeoutMillis() default 1000;

    @AttributeDefinition(name = "Dead after (ms)",
            description = "An address whose probes fail for this long leaves every list until it answers again.",
            min = "0")
    long deadAfterMillis() default 10000;

    @AttributeDefinition(name = "Lease (s)",
            description = "Lease of a registration over HTTP that asks for none.", min = "1")
    long leaseSeconds() default 30;

    @AttributeDefinition(name = "Maximum lease (s)",
            description = "Longest lease granted; a longer one asked for is shortened to this.", min = "1")
    long maxLeaseSeconds() default 300;

    @AttributeDefinition(name = "Data center",
            description = "Data center given to this node's own addresses (OSGi ServiceAddress services)"
                    + " that name none.")
    String dataCenter() default "";

    @AttributeDefinition(name = "Zone",
            description = "Zone given to this node's own addresses that name none.")
    String zone() default "";

    @AttributeDefinition(name = "Probe threads",
            description = "Probes run in parallel on this many threads.", min = "1", max = "64")
    int probeThreads() default 4;

    @AttributeDefinition(name = "Registration requires signature from loopback",
            description = "Whether register and unregister calls from this node's own host (127.0.0.1, ::1)"
                    + " must carry an OSP AccessKey signature (permission antcloud.acvip.register) like calls"
                    + " from other hosts. Off: unsigned calls from loopback are accepted, as the ops endpoints'.")
    boolean registrationRequiresSignatureFromLoopback() default false;
}
