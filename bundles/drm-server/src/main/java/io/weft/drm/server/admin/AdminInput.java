package io.weft.drm.server.admin;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import io.weft.api.drm.DrmException;
import io.weft.api.drm.GrayTargets;
import io.weft.drm.protocol.DrmKeys;
import io.weft.drm.server.store.JdbcDrmStore;

/**
 * Checks what an operator typed before anything is written, with messages a console page can show as they
 * are. Every refusal is a {@link DrmException} with reason {@code INVALID}.
 */
final class AdminInput {

    /** Most rows one page or one history listing returns. */
    static final int MAX_PAGE = 1000;

    private static final Pattern IPV4 = Pattern.compile(
            "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    /** Only hex digits, colons and dots (an embedded IPv4 tail): no name, so parsing never asks DNS. */
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]{2,45}");
    /** As drmdata reports client zones, e.g. {@code GZ00B} or {@code DEFAULT_ZONE}. */
    private static final Pattern ZONE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    private AdminInput() {
    }

    static String instanceId(String instanceId) {
        try {
            return DrmKeys.checkInstanceId(instanceId);
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
    }

    static String key(String key) {
        try {
            return DrmKeys.checkKey(key);
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
    }

    /** Who makes a change, as the history keeps it. */
    static String operator(String operator) {
        if (operator == null || operator.isBlank()) {
            throw invalid("operator is missing: every change records who made it");
        }
        String op = operator.strip();
        if (op.length() > JdbcDrmStore.MAX_OPERATOR_CHARS) {
            throw invalid("operator is " + op.length() + " characters, more than the limit of "
                    + JdbcDrmStore.MAX_OPERATOR_CHARS);
        }
        if (op.chars().anyMatch(Character::isISOControl)) {
            throw invalid("operator contains a control character");
        }
        return op;
    }

    /**
     * A value is text: not null, no NUL character, no unpaired surrogate (it would not survive UTF-8), at most
     * {@code maxBytes} bytes in UTF-8.
     */
    static String value(String value, int maxBytes) {
        if (value == null) {
            throw invalid("value is missing (an empty value is pushed as an empty string)");
        }
        long bytes = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == 0) {
                throw invalid("value contains a NUL character at position " + i + ": DRM values are text");
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else if (Character.isSurrogate(c)) {
                throw invalid("value is not valid Unicode text: unpaired surrogate at position " + i);
            } else {
                bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
            }
        }
        if (bytes > maxBytes) {
            throw invalid("value is " + bytes + " bytes (UTF-8), more than the limit of " + maxBytes + " bytes");
        }
        return value;
    }

    /** The gray targets with IPs checked and written the way drmdata writes client addresses. */
    static GrayTargets grayTargets(GrayTargets targets) {
        if (targets == null) {
            throw invalid("a gray release needs its targets: client IPs or zones");
        }
        Set<String> ips = new TreeSet<>();
        for (String ip : targets.clientIps()) {
            ips.add(ip(ip));
        }
        Set<String> zones = new TreeSet<>();
        for (String zone : targets.zones()) {
            String z = zone == null ? "" : zone.strip();
            if (!ZONE.matcher(z).matches()) {
                throw invalid("gray zone '" + shorten(z) + "' is not a zone name (letters, digits, _, . or -, at most"
                        + " 64)");
            }
            zones.add(z);
        }
        if (ips.isEmpty() && zones.isEmpty()) {
            throw invalid("a gray release needs at least one client IP or zone");
        }
        int ipChars = String.join(",", ips).length();
        if (ipChars > JdbcDrmStore.MAX_GRAY_IPS_CHARS) {
            throw invalid("too many gray client IPs (" + ips.size() + ", " + ipChars + " characters; the limit is "
                    + JdbcDrmStore.MAX_GRAY_IPS_CHARS + "): release to a zone instead");
        }
        int zoneChars = String.join(",", zones).length();
        if (zoneChars > JdbcDrmStore.MAX_GRAY_ZONES_CHARS) {
            throw invalid("too many gray zones (" + zones.size() + ", " + zoneChars + " characters; the limit is "
                    + JdbcDrmStore.MAX_GRAY_ZONES_CHARS + ")");
        }
        return new GrayTargets(ips, zones);
    }

    /**
     * An IPv4 or IPv6 literal. IPv6 is written as {@link InetAddress#getHostAddress()} does (drmdata sees
     * {@code ::1} as {@code 0:0:0:0:0:0:0:1}), so an operator's short form still matches.
     */
    static String ip(String ip) {
        String s = ip == null ? "" : ip.strip();
        if (IPV4.matcher(s).matches()) {
            return s;
        }
        if (s.indexOf(':') >= 0 && IPV6_CHARS.matcher(s).matches()) {
            try {
                // A literal with ':' is parsed, never looked up.
                return InetAddress.getByName(s).getHostAddress();
            } catch (UnknownHostException e) {
                // fall through to the refusal
            }
        }
        throw invalid("gray client IP '" + shorten(s) + "' is not an IPv4 or IPv6 address");
    }

    static void page(int offset, int limit) {
        if (offset < 0) {
            throw invalid("offset must be 0 or more, was " + offset);
        }
        limit(limit);
    }

    static void limit(int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw invalid("limit must be between 1 and " + MAX_PAGE + ", was " + limit);
        }
    }

    static void version(long version) {
        if (version < 1) {
            throw invalid("version must be 1 or more, was " + version);
        }
    }

    static DrmException invalid(String message) {
        return new DrmException(DrmException.Reason.INVALID, message);
    }

    private static String shorten(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "...";
    }
}
