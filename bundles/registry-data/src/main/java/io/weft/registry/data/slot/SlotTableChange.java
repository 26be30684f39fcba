package io.weft.registry.data.slot;

/**
 * A newer slot table replaced the one this server had.
 *
 * @param previous the table before, null for the first one this server received
 * @param next     the table now in force
 */
public record SlotTableChange(SlotTable previous, SlotTable next) {
}
