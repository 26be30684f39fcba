package io.weft.platform.logging;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.util.StatusPrinter2;

import io.weft.platform.LaunchException;

/**
 * Configures the node's one logging backend (Logback behind SLF4J 2, both on the launcher's class
 * path and exported to bundles by the system bundle).
 *
 * <p>{@code conf/logback.xml} holds the node-wide files ({@code logs/weft.log},
 * {@code logs/common-error.log}); each running role adds its own files (the ops guide's per-role
 * logs and that role's {@code common-error.log}) from {@code conf/logging/<role>.xml}. Both are
 * seeded on first start (from the launcher and {@code features/logging/<role>.xml}) and are the
 * operator's to edit.
 * Placeholders {@code ${weft.home}} and {@code ${weft.logs}} are system properties.
 */
public final class LoggingSetup {

    private static final String DEFAULT_BASE = "/io/weft/platform/logback-node.xml";

    private final Path confDir;
    private final Path logsDir;

    public LoggingSetup(Path confDir, Path logsDir) {
        this.confDir = confDir;
        this.logsDir = logsDir;
    }

    /**
     * @param fragments feature name to the logging file it ships, in start order
     */
    public void configure(Map<String, Path> fragments) {
        System.setProperty("weft.logs", logsDir.toString());
        try {
            Files.createDirectories(logsDir);
            Path base = confDir.resolve("logback.xml");
            if (!Files.exists(base)) {
                try (InputStream in = LoggingSetup.class.getResourceAsStream(DEFAULT_BASE)) {
                    Files.createDirectories(confDir);
                    Files.copy(in, base);
                }
            }
            LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
            context.reset();
            apply(context, base);
            for (Map.Entry<String, Path> fragment : fragments.entrySet()) {
                Path file = confDir.resolve("logging").resolve(fragment.getKey() + ".xml");
                if (!Files.exists(file)) {
                    Files.createDirectories(file.getParent());
                    Files.copy(fragment.getValue(), file);
                }
                apply(context, file);
            }
        } catch (IOException e) {
            throw new LaunchException(LaunchException.CONFIG, "cannot set up logging: " + e.getMessage(), e);
        }
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
    }

    private static void apply(LoggerContext context, Path file) {
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        try {
            configurator.doConfigure(file.toFile());
        } catch (JoranException | RuntimeException e) {
            throw new LaunchException(LaunchException.CONFIG,
                    "logging configuration " + file + " is invalid: " + e, e);
        }
        // Logback reports a bad appender or pattern as a status, not an exception: show it.
        new StatusPrinter2().printInCaseOfErrorsOrWarnings(context);
    }
}
