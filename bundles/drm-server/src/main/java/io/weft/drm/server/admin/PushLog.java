package io.weft.drm.server.admin;

import java.nio.charset.StandardCharsets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.weft.api.drm.PushRecord;
import io.weft.drm.server.store.Written;

/**
 * The audit lines of the console's writes, on logger {@value LocalDrmAdmin#LOGGER}: who, instance, key,
 * version, kind, size, and the value cut to {@value #VALUE_CHARS} characters with control characters escaped
 * (one write is one line, whatever the value holds).
 */
final class PushLog {

    static final int VALUE_CHARS = 200;

    private static final Logger LOG = LoggerFactory.getLogger(LocalDrmAdmin.LOGGER);

    private PushLog() {
    }

    static void written(String instanceId, String key, Written written) {
        PushRecord r = written.record();
        String value = r.value();
        int bytes = value == null ? 0 : value.getBytes(StandardCharsets.UTF_8).length;
        LOG.info("{} by {}: instance {} key {} version {}, {} bytes{}, value {}", r.kind(), printable(r.operator()),
                instanceId, key, r.version(), bytes, r.note().isEmpty() ? "" : " (" + printable(r.note()) + ")",
                preview(value));
    }

    static void announced(String instanceId, String key, long version, Announcement a) {
        for (String failure : a.failures()) {
            LOG.warn("Announcing {} {} version {}: drmdata node {}", instanceId, key, version, printable(failure));
        }
        if (a.acknowledged()) {
            LOG.info("Announced {} {} version {} to drmdata node {}: {} client(s) notified, {} relay failure(s)",
                    instanceId, key, version, a.nodeId(), a.notifiedClients(), a.relayFailures());
        } else {
            LOG.warn("Stored {} {} version {}, but no drmdata node acknowledged ({} tried): nodes catch up from the"
                    + " database", instanceId, key, version, a.relayFailures());
        }
    }

    /** The value as one line: quoted, control characters escaped, cut after {@value #VALUE_CHARS} characters. */
    static String preview(String value) {
        if (value == null) {
            return "(none)";
        }
        boolean cut = value.length() > VALUE_CHARS;
        String shown = cut ? value.substring(0, VALUE_CHARS) : value;
        return "\"" + printable(shown) + "\"" + (cut ? "... (" + value.length() + " characters)" : "");
    }

    static String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (Character.isISOControl(c)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
