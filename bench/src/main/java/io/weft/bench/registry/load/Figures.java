package io.weft.bench.registry.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** The figures of one run, printed as they come and written as {@code key=value} lines for {@link SideBySide}. */
final class Figures {

    private final Map<String, String> values = new LinkedHashMap<>();

    void put(String key, Object value) {
        String text = value instanceof Double d ? String.format("%.1f", d) : String.valueOf(value);
        values.put(key, text);
        System.out.printf("  %-28s %s%n", key, text);
    }

    void write(Path file) throws IOException {
        Files.writeString(file, values.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("\n", "", "\n")), StandardCharsets.UTF_8);
    }
}
