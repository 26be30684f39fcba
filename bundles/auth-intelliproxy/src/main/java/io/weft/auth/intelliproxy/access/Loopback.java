package io.weft.auth.intelliproxy.access;

import java.util.Locale;

/**
 * Whether a caller's address is the node's own host. Judged from the literal text only, never by a
 * name lookup (a DNS answer must not decide who skips the login).
 */
public final class Loopback {

    private Loopback() {
    }

    public static boolean is(String address) {
        if (address == null) {
            return false;
        }
        String a = address.strip().toLowerCase(Locale.ROOT);
        if (a.startsWith("[") && a.endsWith("]")) {
            a = a.substring(1, a.length() - 1);
        }
        if (a.startsWith("::ffff:")) {
            a = a.substring("::ffff:".length());
        }
        return isIpv4Loopback(a) || a.equals("::1") || a.equals("0:0:0:0:0:0:0:1");
    }

    private static boolean isIpv4Loopback(String a) {
        String[] parts = a.split("\\.", -1);
        if (parts.length != 4 || !parts[0].equals("127")) {
            return false;
        }
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit) || Integer.parseInt(p) > 255) {
                return false;
            }
        }
        return true;
    }
}
