package io.weft.auth.intelliproxy.user;

import java.util.regex.Pattern;

/**
 * What user names, role names and permissions may look like. Checked before anything is stored or
 * looked up, so a name such as {@code admin' OR '1'='1} is refused with a clear message rather than
 * reaching SQL (where it would be harmless anyway: every statement is prepared), a log line or a page.
 */
public final class Names {

    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]*([._-][A-Za-z0-9]+)*");
    private static final Pattern PERMISSION = Pattern.compile("\\*|[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)*(\\.\\*)?");
    private static final int MAX_NAME = 64;
    private static final int MAX_PERMISSION = 128;

    private Names() {
    }

    /**
     * @throws IllegalArgumentException unless at most 64 characters: a letter, then letters and digits,
     *         with single '.', '_' or '-' between them (never two in a row, never at the end)
     */
    public static String checkUser(String name) {
        return check(name, "user name");
    }

    /** @throws IllegalArgumentException unless shaped like a user name */
    public static String checkRole(String name) {
        return check(name, "role name");
    }

    /** @throws IllegalArgumentException unless {@code *} or dotted lower-case words, the last of which may be {@code *} */
    public static String checkPermission(String permission) {
        if (permission == null || permission.length() > MAX_PERMISSION || !PERMISSION.matcher(permission).matches()) {
            throw new IllegalArgumentException("Invalid permission " + quote(permission)
                    + ": expected '*' or dotted lower-case words such as console.config.write or console.*");
        }
        return permission;
    }

    /** Whether {@code name} is a valid user name, without throwing (for login attempts). */
    public static boolean isUser(String name) {
        return name != null && name.length() <= MAX_NAME && NAME.matcher(name).matches();
    }

    private static String check(String name, String what) {
        if (!isUser(name)) {
            throw new IllegalArgumentException("Invalid " + what + " " + quote(name)
                    + ": use at most 64 letters and digits, starting with a letter,"
                    + " with single '.', '_' or '-' between them");
        }
        return name;
    }

    /** Quotes a refused value for a message, cut short and without control characters. */
    private static String quote(String value) {
        if (value == null) {
            return "(none)";
        }
        String cut = value.length() > 40 ? value.substring(0, 40) + "..." : value;
        return "'" + cut.replaceAll("\\p{Cntrl}", "?") + "'";
    }
}
