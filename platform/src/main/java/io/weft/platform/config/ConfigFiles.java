package io.weft.platform.config;

import java.io.IOException;
import java.io.Writer;
import java.lang.reflect.Array;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.weft.platform.LaunchException;

/**
 * The node's configuration files, {@code conf/<pid>.cfg}, read into ConfigAdmin by Felix FileInstall
 * and written back when a configuration is changed in the Web Console.
 *
 * <p>The files are the operator's: a feature's configuration only seeds a file that does not exist
 * yet, so an edited value survives restarts and upgrades. Values may use {@code ${property}}
 * placeholders, which FileInstall resolves from framework properties (e.g. {@code ${weft.bind.address}}).
 */
public final class ConfigFiles {

    private final Path confDir;

    public ConfigFiles(Path confDir) {
        this.confDir = confDir;
    }

    /** The file a PID lives in; factory configurations {@code factory~name} become {@code factory-name.cfg}. */
    public Path fileOf(String pid) {
        return confDir.resolve(pid.replace('~', '-') + ".cfg");
    }

    /** Whether the operator already has a file for the PID ({@code .cfg} or Felix's typed {@code .config}). */
    public boolean exists(String pid) {
        return Files.exists(fileOf(pid)) || Files.exists(confDir.resolve(pid.replace('~', '-') + ".config"));
    }

    /**
     * Writes a configuration's file unless one exists.
     *
     * @param defaults the values the running roles' features give the PID
     *
     * @param extra values added to the seeded file (e.g. generated credentials); may be empty
     * @return true when a file was written
     */
    public boolean seed(String pid, Map<String, Object> defaults, Map<String, String> extra) {
        Path file = fileOf(pid);
        if (exists(pid)) {
            return false;
        }
        Map<String, String> values = new TreeMap<>();
        defaults.forEach((k, v) -> values.put(k, render(v)));
        values.putAll(extra);
        try {
            Files.createDirectories(confDir);
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                out.write("# Seeded from the role's feature on first start. Edit freely: changes apply without restart.\n");
                for (Map.Entry<String, String> e : values.entrySet()) {
                    out.write(escapeKey(e.getKey()) + " = " + escapeValue(e.getValue()) + "\n");
                }
            }
            Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (IOException e) {
            throw new LaunchException(LaunchException.CONFIG, "cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    static String render(Object value) {
        if (value != null && value.getClass().isArray()) {
            List<String> items = new ArrayList<>();
            for (int i = 0; i < Array.getLength(value); i++) {
                items.add(String.valueOf(Array.get(value, i)));
            }
            return String.join(",", items);
        }
        return String.valueOf(value);
    }

    private static String escapeKey(String key) {
        return key.replace("\\", "\\\\").replace(" ", "\\ ").replace("=", "\\=").replace(":", "\\:");
    }

    private static String escapeValue(String value) {
        StringBuilder sb = new StringBuilder();
        for (char c : value.toCharArray()) {
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
