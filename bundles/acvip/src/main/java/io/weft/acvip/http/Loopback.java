package io.weft.acvip.http;

import java.util.Locale;

/**
 * Whether a caller's address is the node's own host (127.0.0.0/8, {@code ::1}, their IPv4-mapped
 * forms). Judged from the literal text only, never by a name lookup: a DNS answer must not decide who
 * skips the signature.
 */
final class Loopback {

    private Loopback() {
    }

    static boolean is(String address) {
        if (address == null) {
            return false;
        }
        String a = address.strip().toLowerCase(Locale.ROOT);
        if (a.startsWith("[") && a.endsWith("]")) {
            a = a.substring(1, a.length() - 1);
        }
        int zone = a.indexOf('%');
        if (zone > 0) {
            a = a.substring(0, zone);
        }
        if (a.startsWith("::ffff:")) {
            a = a.substring("::ffff:".length());
        } else if (a.startsWith("0:0:0:0:0:ffff:")) {
            a = a.substring("0:0:0:0:0:ffff:".length());
        }
        return isIpv4Loopback(a) || a.equals("::1") || a.equals("0:0:0:0:0:0:0:1");
    }

    private static boolean isIpv4Loopback(String a) {
        String[] parts = a.split("\\.", -1);
        if (parts.length != 4 || !parts[0].equals("127")) {
            return false;
        }
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')
                    || Integer.parseInt(p) > 255) {
                return false;
            }
        }
        return true;
    }
}
