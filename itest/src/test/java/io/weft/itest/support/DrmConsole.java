package io.weft.itest.support;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The console's DRM page ({@code /system/console/weft-drm}) driven over HTTP as its forms post it,
 * with the administrator's credentials: push, gray release, promote, abandon, roll back. Each call
 * returns the page's answer as the form's submitter sees it (status, message, version created).
 */
public final class DrmConsole {

    public static final String PAGE = "/system/console/weft-drm";

    private static final Pattern VERSION = Pattern.compile("data-version=\"(\\d+)\"");
    private static final Pattern MESSAGE = Pattern.compile("<div id=\"result\"[^>]*>\\s*<p>(.*?)</p>", Pattern.DOTALL);

    private final Http http;

    public DrmConsole(Http http) {
        this.http = http;
    }

    public static DrmConsole of(WeftNode node) {
        return new DrmConsole(node.http());
    }

    /**
     * The answer to one posted form.
     *
     * @param status  the HTTP status (200 when done)
     * @param message the outcome's sentence, as shown in block {@code result}
     * @param version the version the action created, -1 when none
     * @param body    the whole answer, for failure messages
     */
    public record Outcome(int status, String message, long version, String body) {
        public boolean ok() {
            return status == 200 && body.contains("id=\"result\" class=\"ok\"");
        }
    }

    public Outcome push(String instance, String key, String value) {
        return post(form("push", instance, key, "value", value));
    }

    public Outcome gray(String instance, String key, String value, String ips, String zones) {
        return post(form("gray", instance, key, "value", value, "ips", ips, "zones", zones));
    }

    public Outcome promote(String instance, String key) {
        return post(form("promote", instance, key));
    }

    public Outcome abandon(String instance, String key) {
        return post(form("abandon", instance, key));
    }

    public Outcome rollback(String instance, String key, long toVersion) {
        return post(form("rollback", instance, key, "version", Long.toString(toVersion)));
    }

    /** The attribute's detail view (GET, inside the console's layout). */
    public Http.Response detail(String instance, String key) {
        return http.getAsAdmin(PAGE + "?instance=" + url(instance) + "&key=" + url(key));
    }

    public Outcome post(Map<String, String> form) {
        Http.Response r = http.postFormAsAdmin(PAGE, form);
        Matcher v = VERSION.matcher(r.body());
        Matcher m = MESSAGE.matcher(r.body());
        return new Outcome(r.status(), m.find() ? m.group(1).strip() : "", v.find() ? Long.parseLong(v.group(1)) : -1,
                r.body());
    }

    private static Map<String, String> form(String action, String instance, String key, String... more) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("action", action);
        form.put("instance", instance);
        form.put("key", key);
        for (int i = 0; i < more.length; i += 2) {
            form.put(more[i], more[i + 1]);
        }
        return form;
    }

    private static String url(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
