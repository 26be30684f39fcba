package io.weft.drm.server.admin.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Left-aligned columns, two spaces apart, with a header line: how the {@code drm:} listings print. */
final class TextTable {

    private final List<String[]> rows = new ArrayList<>();

    TextTable(String... header) {
        rows.add(header);
    }

    TextTable row(String... cells) {
        String[] clean = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            clean[i] = cells[i] == null ? "" : cells[i];
        }
        rows.add(clean);
        return this;
    }

    String render() {
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(i == row.length - 1 ? row[i]
                        : String.format(Locale.ROOT, "%-" + widths[i] + "s  ", row[i]));
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }
}
