/**
 * Which slots this data server leads or follows (REG-4, REG-29), from the slot table the meta leader sends
 * (decision record 0021), and whether the server works yet (REG-31).
 */
package io.weft.registry.data.slot;
