package io.weft.drm.client.log;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client's own logs (DRM-22..24) under its log folder, each line also sent to an SLF4J logger so an
 * application that configured a backend sees them there too:
 * <ul>
 * <li>{@code drm-boot.log} / {@code drm.boot}: every attribute identifier registered (DRM-22);</li>
 * <li>{@code drm-monitor.log} / {@code drm.monitor}: registrations with drmdata ({@code registersuccess},
 *     {@code registerfail}, DRM-23) and every value applied;</li>
 * <li>{@code common-error.log} / {@code drm.error}: errors, e.g. {@code Query zdrmdata server address empty} (DRM-24).</li>
 * </ul>
 * Line: {@code 2026-11-22 10:00:00,123 [boot] registered acme com.example.RefreshCacheDRM:refreshCacheType}.
 * Thread-safe.
 */
public final class ClientLog implements AutoCloseable {

    /** 10 MiB per file and 5 older files: a few years of registrations, weeks of busy updates. */
    private static final long MAX_BYTES = 10L << 20;
    private static final int KEEP = 5;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS");

    private static final Logger BOOT = LoggerFactory.getLogger("drm.boot");
    private static final Logger MONITOR = LoggerFactory.getLogger("drm.monitor");
    private static final Logger ERROR = LoggerFactory.getLogger("drm.error");

    private final Clock clock;
    private final RotatingFile boot;
    private final RotatingFile monitor;
    private final RotatingFile error;

    public ClientLog(Path folder, Clock clock) {
        this.clock = clock;
        this.boot = new RotatingFile(folder.resolve("drm-boot.log"), MAX_BYTES, KEEP);
        this.monitor = new RotatingFile(folder.resolve("drm-monitor.log"), MAX_BYTES, KEEP);
        this.error = new RotatingFile(folder.resolve("common-error.log"), MAX_BYTES, KEEP);
    }

    public void boot(String message) {
        boot.append(line("boot", message));
        BOOT.info(message);
    }

    public void monitor(String message) {
        monitor.append(line("monitor", message));
        MONITOR.info(message);
    }

    public void error(String message) {
        error(message, null);
    }

    /** The message, and the exception's stack trace when there is one. */
    public void error(String message, Throwable cause) {
        String text = line("error", message);
        if (cause != null) {
            StringWriter trace = new StringWriter();
            cause.printStackTrace(new PrintWriter(trace));
            text = text + System.lineSeparator() + trace.toString().stripTrailing();
        }
        error.append(text);
        if (cause != null) {
            ERROR.error(message, cause);
        } else {
            ERROR.error(message);
        }
    }

    private String line(String kind, String message) {
        return TIME.format(clock.instant().atZone(ZoneId.systemDefault())) + " [" + kind + "] " + message;
    }

    @Override
    public void close() {
        boot.close();
        monitor.close();
        error.close();
    }
}
