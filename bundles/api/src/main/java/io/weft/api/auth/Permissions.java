package io.weft.api.auth;

/**
 * Names of the permissions Weft checks. A permission is a dotted string {@code <area>.<thing>.<verb>};
 * a role grants permissions by name, by a prefix pattern ({@code console.*}) or all of them ({@code *}).
 * Bundles may check names not listed here; these are the ones the node's own roles know.
 */
public final class Permissions {

    /** Every permission (granted to the role {@code admin}). */
    public static final String ALL = "*";

    /** Open any Web Console page and read what it shows (GET). */
    public static final String CONSOLE_READ = "console.read";
    /** Change configurations in the Web Console (Configuration page). */
    public static final String CONSOLE_CONFIG_WRITE = "console.config.write";
    /** Install, update, start, stop, uninstall bundles; refresh packages; stop the framework. */
    public static final String CONSOLE_BUNDLES_WRITE = "console.bundles.write";
    /** Enable and disable DS components. */
    public static final String CONSOLE_COMPONENTS_WRITE = "console.components.write";
    /** Create, change and disable console users (page "Users"). */
    public static final String CONSOLE_USERS_WRITE = "console.users.write";

    /** MetaServer {@code /stopPushDataSwitch/open|close} (OPS-4). */
    public static final String REGISTRY_PUSH_SWITCH_WRITE = "registry.push-switch.write";
    /** MetaServer {@code POST /manage/changePeer} (OPS-4, OPS-6). */
    public static final String REGISTRY_PEER_WRITE = "registry.peer.write";
    /** MetaServer {@code POST /persistentData/put} (OPS-4, REG-66). */
    public static final String REGISTRY_PERSISTENT_DATA_WRITE = "registry.persistent-data.write";

    private Permissions() {
    }
}
