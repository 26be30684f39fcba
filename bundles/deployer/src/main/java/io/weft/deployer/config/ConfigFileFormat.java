package io.weft.deployer.config;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Dictionary;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Writes a configuration as a {@code conf/<pid>.cfg} file (Java properties, one {@code key = value}
 * per line, sorted), the format FileInstall reads. Pure; unit-tested.
 */
final class ConfigFileFormat {

    /** Properties ConfigAdmin and FileInstall manage themselves; never written to the file. */
    static final Set<String> MANAGED = Set.of("service.pid", "service.factoryPid", "service.bundleLocation",
            "felix.fileinstall.filename");

    private ConfigFileFormat() {
    }

    static String render(Dictionary<String, Object> properties, String header) {
        Map<String, String> sorted = new TreeMap<>();
        for (String key : Collections.list(properties.keys())) {
            if (!MANAGED.contains(key)) {
                sorted.put(key, valueOf(properties.get(key)));
            }
        }
        StringBuilder out = new StringBuilder("# ").append(header).append('\n');
        sorted.forEach((k, v) -> out.append(escape(k, true)).append(" = ").append(escape(v, false)).append('\n'));
        return out.toString();
    }

    /** Arrays and collections as comma-separated values, the way the seeded files hold lists. */
    private static String valueOf(Object value) {
        if (value != null && value.getClass().isArray()) {
            List<String> items = new ArrayList<>();
            for (int i = 0; i < Array.getLength(value); i++) {
                items.add(String.valueOf(Array.get(value, i)));
            }
            return String.join(",", items);
        }
        if (value instanceof java.util.Collection<?> c) {
            return String.join(",", c.stream().map(String::valueOf).toList());
        }
        return String.valueOf(value);
    }

    private static String escape(String s, boolean key) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case ' ', '=', ':' -> sb.append(key ? "\\" + c : String.valueOf(c));
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
