package io.weft.auth.intelliproxy.access;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.weft.api.auth.Permissions;

/**
 * The permission a Web Console request needs, from its method and the page (plugin label) it is for.
 *
 * <p>Reading (GET, HEAD, OPTIONS) any page needs {@code console.read}. Changing needs a permission named
 * after what changes: the Configuration page {@code console.config.write}; bundles, installing and the
 * framework (System Information: stop, restart) {@code console.bundles.write}; DS components
 * {@code console.components.write}; Users {@code console.users.write}; any other page
 * {@code console.<label>.write}. A request's parameters are not read: the console's pages change state
 * only on POST, and reading a POST body here would consume an upload before the page gets it.
 */
public final class ConsolePermissions {

    /** Pages any logged-in user may use whatever its roles: static resources and logging out. */
    private static final Set<String> OPEN_LABELS = Set.of("res", "logout");
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final Map<String, String> WRITE = Map.of(
            "configmgr", Permissions.CONSOLE_CONFIG_WRITE,
            "bundles", Permissions.CONSOLE_BUNDLES_WRITE,
            "install", Permissions.CONSOLE_BUNDLES_WRITE,
            "vmstat", Permissions.CONSOLE_BUNDLES_WRITE,
            "components", Permissions.CONSOLE_COMPONENTS_WRITE,
            "weft-users", Permissions.CONSOLE_USERS_WRITE);

    private ConsolePermissions() {
    }

    /**
     * @param method the HTTP method
     * @param label  the first path segment below the console root ("" for the root itself)
     * @return the permission needed, or {@code null} when being logged in is enough
     */
    public static String required(String method, String label) {
        String l = label == null ? "" : label.toLowerCase(Locale.ROOT);
        if (OPEN_LABELS.contains(l)) {
            return null;
        }
        if (SAFE_METHODS.contains(method.toUpperCase(Locale.ROOT))) {
            return Permissions.CONSOLE_READ;
        }
        String known = WRITE.get(l);
        if (known != null) {
            return known;
        }
        String tidy = l.replaceAll("[^a-z0-9-]", "-");
        return tidy.isEmpty() || !Character.isLetter(tidy.charAt(0)) ? "console.write" : "console." + tidy + ".write";
    }

    /** The label of {@code requestUri} under {@code root} ({@code /system/console/bundles/12} gives {@code bundles}). */
    public static String label(String requestUri, String root) {
        String uri = requestUri == null ? "" : requestUri;
        int at = uri.indexOf(root);
        String rest = at < 0 ? uri : uri.substring(at + root.length());
        while (rest.startsWith("/")) {
            rest = rest.substring(1);
        }
        int slash = rest.indexOf('/');
        String label = slash < 0 ? rest : rest.substring(0, slash);
        int dot = label.indexOf('.');
        // "bundles.json" is the bundles page answering in JSON.
        return dot < 0 ? label : label.substring(0, dot);
    }
}
