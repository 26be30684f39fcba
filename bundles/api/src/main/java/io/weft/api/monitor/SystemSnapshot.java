package io.weft.api.monitor;

import java.time.Instant;

/**
 * One measurement of the node's process and host. Percentages are 0–100; a value that the platform
 * cannot measure is {@code -1}.
 *
 * @param takenAt           when the measurement was taken
 * @param systemCpuPercent  CPU use of the whole host
 * @param processCpuPercent CPU use of this JVM, relative to all cores of the host
 * @param memoryPercent     host memory in use (total minus available)
 * @param diskPercent       use of the file system holding the node's home folder
 * @param load5             five-minute load average of the host
 * @param heapUsedBytes     JVM heap in use
 * @param heapMaxBytes      JVM heap limit
 * @param rssBytes          resident set size of this process
 * @param openFileDescriptors file descriptors open in this process
 */
public record SystemSnapshot(
        Instant takenAt,
        double systemCpuPercent,
        double processCpuPercent,
        double memoryPercent,
        double diskPercent,
        double load5,
        long heapUsedBytes,
        long heapMaxBytes,
        long rssBytes,
        long openFileDescriptors) {
}
