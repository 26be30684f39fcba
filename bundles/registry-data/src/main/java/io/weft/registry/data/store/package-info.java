/**
 * The data server's memory (REG-7, REG-29): every datum it holds, led or replicated, with its publishers and its
 * version. Free of Bolt and of slots: callers decide which datums a change may touch.
 */
package io.weft.registry.data.store;
