package io.weft.auth.osp.admin;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What OSP accepts as names, products and permissions. Names are checked before anything is stored, so
 * quotes, spaces, semicolons or comment markers (SQL-looking input) never reach the database, the logs or a
 * console page: they are refused with the rule they broke.
 */
public final class Names {

    /** Tenant, workspace and instance names: a letter or digit, then letters, digits, {@code _ . -}; 1-64. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    /** Permissions such as {@code antcloud.deps.cell.list}; a trailing {@code *} grants a prefix. */
    public static final Pattern PERMISSION = Pattern.compile("\\*|[A-Za-z0-9][A-Za-z0-9_.:-]{0,126}\\*?");
    /** The products an instance can enable, as in ACVIP domains ({@code {instanceId}-SOFAKAFKA}). */
    public static final List<String> PRODUCTS = List.of("SOFAREGISTRY", "DRM", "SCHEDULER", "SOFAKAFKA");

    private Names() {
    }

    /** @param what what the name names, for the message: "tenant", "instanceId", ... */
    public static String name(String what, String value) {
        if (value == null || value.isEmpty()) {
            throw new OspRequestException("Missing " + what);
        }
        if (!NAME.matcher(value).matches()) {
            throw new OspRequestException("Invalid " + what + " '" + printable(value) + "': use 1 to 64 letters,"
                    + " digits, '_', '.' or '-', starting with a letter or digit");
        }
        return value;
    }

    /** Products in upper case, duplicates dropped, in the given order. */
    public static Set<String> products(List<String> values) {
        Set<String> out = new LinkedHashSet<>();
        for (String value : values) {
            String product = value == null ? "" : value.strip().toUpperCase(Locale.ROOT);
            if (!PRODUCTS.contains(product)) {
                throw new OspRequestException("Unknown product '" + printable(value) + "': use one of "
                        + String.join(", ", PRODUCTS));
            }
            out.add(product);
        }
        return out;
    }

    /** A comma-separated list of permissions; at least one. */
    public static Set<String> permissions(String commaSeparated) {
        List<String> parts = new ArrayList<>();
        if (commaSeparated != null) {
            for (String part : commaSeparated.split(",")) {
                if (!part.isBlank()) {
                    parts.add(part.strip());
                }
            }
        }
        return permissions(parts);
    }

    public static Set<String> permissions(List<String> values) {
        if (values.isEmpty()) {
            throw new OspRequestException("Missing permissions: name at least one, e.g. antcloud.deps.cell.list");
        }
        Set<String> out = new LinkedHashSet<>();
        for (String value : values) {
            if (value == null || !PERMISSION.matcher(value).matches()) {
                throw new OspRequestException("Invalid permission '" + printable(value) + "': use letters, digits,"
                        + " '_', '.', ':' or '-' (up to 127), optionally ending in '*'");
            }
            out.add(value);
        }
        return out;
    }

    /** Echoes refused input without control characters and at a bounded length. */
    static String printable(String value) {
        if (value == null) {
            return "";
        }
        String cleaned = value.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return cleaned.length() > 80 ? cleaned.substring(0, 80) + "..." : cleaned;
    }
}
