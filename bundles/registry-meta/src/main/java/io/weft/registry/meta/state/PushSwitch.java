package io.weft.registry.meta.state;

/**
 * Whether session servers push data to subscribers (REG-61). Note the seed's inverted URL names:
 * {@code /stopPushDataSwitch/open} closes push, {@code /stopPushDataSwitch/close} opens it (REG-62).
 */
public enum PushSwitch {
    /** Session servers push updates; production runs like this. */
    OPEN,
    /** Session servers stop pushing; clients keep their local cache (REG-55). */
    CLOSED
}
