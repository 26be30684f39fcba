package io.weft.platform.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.read.ListAppender;

class NodeLogsAppenderTest {

    /** A node's root (one list standing for weft.log) and a role file's per-event logger, as the shipped files do. */
    private static final String CONFIG = """
            <configuration>
              <appender name="NODE" class="ch.qos.logback.core.read.ListAppender"/>
              <appender name="ROLE" class="ch.qos.logback.core.read.ListAppender"/>
              <appender name="NODE-WARN" class="io.weft.platform.logging.NodeLogsAppender"><level>WARN</level></appender>
              <logger name="registry.push" additivity="false">
                <appender-ref ref="ROLE"/><appender-ref ref="NODE-WARN"/>
              </logger>
              <root level="INFO"><appender-ref ref="NODE"/></root>
            </configuration>
            """;

    @Test
    @DisplayName("OPS logs: a per-event role logger writes its lines once, to its own file; its warnings and errors"
            + " also reach the node's files")
    void perEventLinesStayInTheRoleFile() throws Exception {
        LoggerContext context = configured(CONFIG);
        Logger push = context.getLogger("registry.push");
        push.info("pushed d1");
        push.warn("push to 10.0.0.1 failed");
        push.error("push task refused");
        context.getLogger("io.weft.other").info("node line");

        assertEquals(List.of("pushed d1", "push to 10.0.0.1 failed", "push task refused"), messages(context, "ROLE"));
        assertEquals(List.of("push to 10.0.0.1 failed", "push task refused", "node line"), messages(context, "NODE"));
        context.stop();
    }

    @Test
    @DisplayName("OPS logs: attached to the root logger by mistake it does not loop: one extra copy, then it stops")
    void onTheRootItselfNoLoop() throws Exception {
        LoggerContext context = configured("""
                <configuration>
                  <appender name="NODE" class="ch.qos.logback.core.read.ListAppender"/>
                  <appender name="NODE-WARN" class="io.weft.platform.logging.NodeLogsAppender"/>
                  <root level="INFO"><appender-ref ref="NODE"/><appender-ref ref="NODE-WARN"/></root>
                </configuration>
                """);
        context.getLogger("x").warn("once");

        List<String> node = messages(context, "NODE");
        assertEquals(2, node.size(), "the root's own delivery and one pass-on, then it stops: " + node);
        assertTrue(node.stream().allMatch("once"::equals));
        context.stop();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "registry-session.xml, registry.session, registry/session/registry-session.log",
            "registry-session.xml, registry.push, registry/session/registry-push.log",
            "registry-session.xml, registry.connect, registry/session/registry-connect.log",
            "registry-data.xml, registry.data, registry/data/registry-data.log",
            "registry-data.xml, registry.renew, registry/data/registry-renew.log"})
    @DisplayName("OPS logs, decision 0024: with the shipped role file, a per-event line is in the role's file only,"
            + " an error in both the role's file and the node's")
    void shippedRoleFiles(String roleFile, String loggerName, String ownFile, @TempDir Path logs) throws Exception {
        String before = System.getProperty("weft.logs");
        System.setProperty("weft.logs", logs.toString());
        LoggerContext context;
        try {
            context = configured("""
                <configuration>
                  <appender name="NODE" class="ch.qos.logback.core.read.ListAppender"/>
                  <root level="INFO"><appender-ref ref="NODE"/></root>
                </configuration>
                """);
            JoranConfigurator role = new JoranConfigurator();
            role.setContext(context);
            role.doConfigure(Path.of("../features/src/main/features/logging", roleFile).toFile());
        } finally {
            if (before == null) {
                System.clearProperty("weft.logs");
            } else {
                System.setProperty("weft.logs", before);
            }
        }

        Logger logger = context.getLogger(loggerName);
        logger.info("one registration");
        logger.error("a refusal");

        List<String> node = messages(context, "NODE");
        String own = Files.readString(logs.resolve(ownFile));
        context.stop();
        assertEquals(List.of("a refusal"), node);
        assertTrue(own.contains("one registration") && own.contains("a refusal"), own);
    }

    private static LoggerContext configured(String xml) throws Exception {
        LoggerContext context = new LoggerContext();
        // A context of its own, not the one SLF4J set up: file appenders read the MDC through it.
        context.setMDCAdapter(new LogbackMDCAdapter());
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        return context;
    }

    @SuppressWarnings("unchecked")
    private static List<String> messages(LoggerContext context, String appender) {
        ListAppender<ILoggingEvent> list = (ListAppender<ILoggingEvent>) findAppender(context, appender);
        return list.list.stream().map(ILoggingEvent::getFormattedMessage).collect(Collectors.toList());
    }

    private static Object findAppender(LoggerContext context, String name) {
        for (Logger logger : context.getLoggerList()) {
            if (logger.getAppender(name) != null) {
                return logger.getAppender(name);
            }
        }
        throw new AssertionError("no appender " + name);
    }
}
