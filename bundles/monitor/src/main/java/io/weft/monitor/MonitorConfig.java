package io.weft.monitor;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the node monitor, PID {@code io.weft.monitor}. Defaults are those of OPS-18/OPS-19. */
@ObjectClassDefinition(
        name = "Weft node monitor",
        description = "Thresholds of the basic alert rules and how often they are evaluated.")
public @interface MonitorConfig {

    @AttributeDefinition(
            name = "cpu_usage threshold (%)",
            description = "The cpu_usage alert fires while the host's CPU use is above this percentage.",
            min = "0", max = "100")
    double cpuUsageThreshold() default 80;

    @AttributeDefinition(
            name = "mem_usage threshold (%)",
            description = "The mem_usage alert fires while host memory in use (total minus available) is"
                    + " above this percentage.",
            min = "0", max = "100")
    double memUsageThreshold() default 80;

    @AttributeDefinition(
            name = "disk_usage threshold (%)",
            description = "The disk_usage alert fires while the file system holding the node's home folder"
                    + " is fuller than this percentage.",
            min = "0", max = "100")
    double diskUsageThreshold() default 80;

    @AttributeDefinition(
            name = "load5 threshold",
            description = "The load5 alert fires while the host's five-minute load average is above this"
                    + " value.",
            min = "0")
    double load5Threshold() default 3;

    @AttributeDefinition(
            name = "Evaluation interval (s)",
            description = "Seconds between two evaluations of the alert rules.",
            min = "1")
    long evaluationIntervalSeconds() default 60;
}
